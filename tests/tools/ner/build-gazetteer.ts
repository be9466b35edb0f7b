// Builds the tagger's gazetteer from compromise's English lexicon (MIT licence): name
// lists written for general English, not taken from any evaluation data. Training only.
import { GAZ_CATEGORIES, phraseHash, type Gazetteer } from '../../../main/entities/ner/gazetteer';

const TAG_CATEGORY: Record<string, (typeof GAZ_CATEGORIES)[number]> = {
  FemaleName: 'first',
  MaleName: 'first',
  FirstName: 'first',
  LastName: 'last',
  Person: 'person',
  City: 'city',
  Country: 'country',
  Region: 'region',
  Place: 'place',
  Organization: 'organization',
  SportsTeam: 'team',
  Demonym: 'demonym',
  Actor: 'actor',
  Honorific: 'honorific',
  Month: 'date',
  WeekDay: 'date',
};

export async function buildGazetteer(): Promise<Gazetteer> {
  const nlp = (await import('compromise')).default as unknown as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
  };
  const lexicon = nlp.world().model.one.lexicon;
  const entries = new Map<number, number>();
  let maxWords = 1;
  for (const [phrase, tags] of Object.entries(lexicon)) {
    let bits = 0;
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const cat = TAG_CATEGORY[tag];
      if (cat) bits |= 1 << GAZ_CATEGORIES.indexOf(cat);
    }
    if (!bits) continue;
    const words = phrase.split(' ').filter(Boolean);
    if (words.length > 4) continue;
    maxWords = Math.max(maxWords, words.length);
    const h = phraseHash(words.join(' '));
    entries.set(h, (entries.get(h) ?? 0) | bits);
  }
  return { entries, maxWords };
}
