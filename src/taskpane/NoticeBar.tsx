/** The outcome of the last action: a dismissible message, announced politely to screen readers. */
import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

export interface Notice {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly title?: string;
  readonly text?: ReactNode;
}

export function NoticeBar(props: { notice?: Notice; onDismiss: () => void; testId?: string; actions?: ReactNode }) {
  const { notice } = props;
  return (
    <div aria-live="polite">
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid={props.testId}>
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                icon={<DismissRegular />}
                aria-label="Đóng thông báo"
                onClick={props.onDismiss}
              />
            }
          >
            {props.actions}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
