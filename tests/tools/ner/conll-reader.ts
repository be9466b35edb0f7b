// Reads CoNLL-style column files (CoNLL-2003, WikiGold): token first, NER tag last.
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

export type ConllDocument = ConllSentence[];

export function readConll(path: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let sent: ConllSentence = { tokens: [], tags: [] };
  const endSentence = (): void => {
    if (sent.tokens.length > 0) doc.push(sent);
    sent = { tokens: [], tags: [] };
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endDoc();
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    sent.tokens.push(cols[0]!);
    sent.tags.push(cols[cols.length - 1]!);
  }
  endDoc();
  return docs;
}
