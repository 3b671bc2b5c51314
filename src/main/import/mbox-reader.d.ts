// mbox-reader (by mailparser's author) ships no types; this is the part of its API we use.
declare module 'mbox-reader' {
  import type { Readable } from 'node:stream';
  export interface MboxMessage {
    returnPath: string;
    time: Date | false;
    content: Buffer;
    flags: string[];
    labels: string[];
    headers: Map<string, string[]>;
  }
  export function mboxReader(input: Readable, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>;
}
