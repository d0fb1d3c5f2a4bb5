// The part of mammoth's API the bench uses (the package ships no types).
declare module 'mammoth' {
  export function convertToHtml(input: { buffer: Buffer } | { path: string }): Promise<{ value: string; messages: unknown[] }>;
}
