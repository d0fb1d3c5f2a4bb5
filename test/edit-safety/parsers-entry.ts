/** Bundled into Chromium by parsers.browser.test.ts: the scenarios and the pane's DOMParser-based parser (bytes go as base64). */
import { parseXmlDom } from '../../src/xml/dom';
import { runScenario, type ScenarioName } from './scenarios';

const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

(globalThis as unknown as { ctcl: unknown }).ctcl = {
  async run(bytes: string, name: ScenarioName, plan?: string): Promise<string> {
    return toBase64(await runScenario(fromBase64(bytes), name, parseXmlDom, plan === undefined ? undefined : fromBase64(plan)));
  },
  parse: (xml: string, lean: boolean) => parseXmlDom(xml, { lean }),
};
