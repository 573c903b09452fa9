/** The part of xml2js (which ships no types) the feed reader uses, as its README documents it. */
declare module 'xml2js' {
  export interface ParserOptions {
    explicitArray?: boolean;
    attrkey?: string;
    charkey?: string;
  }
  export class Parser {
    constructor(options?: ParserOptions);
    /** Resolves to the document as `{ [rootName]: element }`, or null for a document without one. */
    parseStringPromise(xml: string): Promise<unknown>;
  }
}
