// The recipe of the shipped model (data/ner/model.bin): `npm run train:ner` with no
// arguments trains exactly this. Every choice here was measured on dev sets; the table of
// what was tried is in data/ner/README.md.

export interface SourceWeight {
  /** A corpus id from corpora.ts. */
  id: string;
  /** Multiplies the updates its sentences cause. */
  weight: number;
}

export interface Recipe {
  sources: SourceWeight[];
  /** Dev sets the training log reports on (never ones it trains on). */
  dev: string[];
  epochs: number;
  /** Folds for the second pass's first-pass labels of the training data. */
  folds: number;
  /** log2 of the number of hashed feature buckets. */
  bits: number;
  /** One pass only (no document-aware second pass). */
  single: boolean;
  gazetteer: boolean;
  seed: number;
}

export const SHIPPED: Recipe = {
  sources: [
    { id: 'conll-train', weight: 1 },
    { id: 'conll-dev', weight: 1 },
    { id: 'gum-train', weight: 1 },
    { id: 'crossner-train', weight: 1 },
    { id: 'wnut-train', weight: 0.5 },
    { id: 'btc', weight: 0.5 },
  ],
  dev: ['conll-dev', 'gum-dev', 'gum-test', 'crossner-dev', 'uner-dev'],
  epochs: 10,
  folds: 4,
  bits: 18,
  single: false,
  gazetteer: true,
  seed: 0,
};
