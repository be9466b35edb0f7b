import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/contract';
import { acronymLetters, spellsAcronym } from './acronyms';
import { extractEntities } from './extract-entities';
import { isLoneName, surnameKeys } from './surname-keys';
import { titleLength, titleMakesPerson } from './person-titles';

// Our own invented fixtures: names, ranks and groups that exist only here.
const names = (text: string): Entity[] => extractEntities(text, { types: ['person', 'organization', 'place'] });
const named = (entities: Entity[], name: string): Entity => {
  const e = entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity named ${name}: ${entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  return e;
};

describe('person titles', () => {
  it('measures single, multi-word and "of" titles, never the whole name', () => {
    expect(titleLength(['Rear', 'Admiral', 'Kofi', 'Mensah-Boateng'])).toBe(2);
    expect(titleLength(['Lieutenant', 'Colonel', 'Ines', 'Varga'])).toBe(2);
    expect(titleLength(['Brigadier', 'General', 'Tomas', 'Reyes'])).toBe(2);
    expect(titleLength(['Chief', 'of', 'Staff', 'Lena', 'Brandt'])).toBe(3);
    expect(titleLength(['Foreign', 'Minister', 'Ravi', 'Anand'])).toBe(2);
    expect(titleLength(['Dr.', 'Hana', 'Sato'])).toBe(1);
    expect(titleLength(['Maulana', 'Idris'])).toBe(1);
    expect(titleLength(['Colonel'])).toBe(0);
    expect(titleLength(['Foreign', 'Office'])).toBe(0);
  });

  it('knows which titles make a person of what follows', () => {
    expect(titleMakesPerson(['Rear', 'Admiral'], 2)).toBe(true);
    expect(titleMakesPerson(['Senator'], 1)).toBe(true);
    expect(titleMakesPerson(['General'], 1)).toBe(false); // "General Motors"
    expect(titleMakesPerson(['Major', 'General'], 1)).toBe(true);
  });
});

describe('surname keys', () => {
  it('covers hyphenated surnames and particles', () => {
    expect(surnameKeys('Adaora Nwosu-Bell')).toEqual(['nwosu bell']);
    expect(surnameKeys('Tariq al-Rashidi')).toEqual(['al rashidi', 'rashidi']);
    expect(surnameKeys('Pieter van der Molen')).toEqual(['molen', 'van der molen']);
    expect(surnameKeys('Nwosu-Bell')).toEqual([]);
    expect(isLoneName('van der Molen')).toBe(true);
    expect(isLoneName('Pieter Molen')).toBe(false);
  });
});

describe('acronym spelling', () => {
  it('takes letters from inside words and skips connectors', () => {
    expect(acronymLetters('U.S.')).toBe('US');
    expect(acronymLetters('FIU-Tarno')).toBe('FIU');
    expect(acronymLetters('Oslo')).toBeNull();
    expect(spellsAcronym(['Veloran', 'Harbour', 'Administration', 'and', 'Safety', 'Office'], 'VEHASO')).toBe(true);
    expect(spellsAcronym(['Department', 'of', 'Roads'], 'DoR')).toBe(true);
    expect(spellsAcronym(['United', 'Provinces'], 'UP', true)).toBe(true);
    expect(spellsAcronym(['Harbour', 'Safety'], 'HSO')).toBe(false);
  });
});

describe('mergeMentions rules', () => {
  it('strips multi-word ranks and makes a person of a name the tagger called a group', () => {
    const text =
      'Rear Admiral Kofi Mensah-Boateng inspected the harbour on Monday. Officials said Rear Admiral Kofi Mensah-Boateng ' +
      'would return. Lieutenant Colonel Ines Varga and Chief of Staff Lena Brandt also spoke, and Varga said little.';
    const es = names(text);
    const kofi = named(es, 'Kofi Mensah-Boateng');
    expect(kofi.type).toBe('person');
    expect(kofi.key).toBe('person:kofi mensah boateng');
    expect(kofi.mentions.map((m) => m.text)).toEqual(['Kofi Mensah-Boateng', 'Kofi Mensah-Boateng']);
    for (const e of es) expect(e.name).not.toMatch(/Admiral|Colonel|Chief|Staff/);
    expect(named(es, 'Ines Varga').mentions.map((m) => m.text)).toEqual(['Ines Varga', 'Varga']);
  });

  it('joins a lone hyphenated or particle surname to the full name, whatever its tagged type', () => {
    const text =
      '"Nets are empty," said Adaora Nwosu-Bell, an analyst at a research centre in Lagos. ' +
      'Later that week Nwosu-Bell told reporters the season had failed. ' +
      'The commander, Tariq al-Rashidi, left for Cairo. Witnesses said al-Rashidi had gone before dawn.';
    const es = names(text);
    const ada = named(es, 'Adaora Nwosu-Bell');
    expect(ada.type).toBe('person');
    expect(ada.mentions.map((m) => m.text)).toEqual(['Adaora Nwosu-Bell', 'Nwosu-Bell']);
    expect(
      es.some(
        (e) => e.key === 'person:nwosu bell' || e.key === 'organization:nwosu bell' || e.key === 'place:nwosu bell',
      ),
    ).toBe(false);
    expect(named(es, 'Tariq al-Rashidi').mentions.map((m) => m.text)).toEqual(['Tariq al-Rashidi', 'al-Rashidi']);
  });

  it('finds the long form of an acronym that takes letters from inside words', () => {
    const text =
      'Officials at the Veloran Harbour Administration and Safety Office (VEHASO) welcomed the plan. ' +
      'A VEHASO spokesman said more boats would sail.';
    const es = names(text);
    const office = named(es, 'Veloran Harbour Administration and Safety Office');
    expect(office.type).toBe('organization');
    expect(office.aliases).toContain('VEHASO');
    expect(office.mentions).toHaveLength(3);
  });

  it('joins an acronym with a place suffix to its long form', () => {
    const text = 'The Financial Intelligence Unit of Tarno (FIU-Tarno) flagged 40 transfers in the port of Tarno.';
    const unit = named(names(text), 'Financial Intelligence Unit of Tarno');
    expect(unit.mentions.map((m) => m.text)).toEqual(['Financial Intelligence Unit of Tarno', 'FIU-Tarno']);
  });

  it('joins an undefined acronym to the one name whose initials it is', () => {
    const text = 'The United Nations sent monitors to Geneva. A U.N. official said the United Nations would stay.';
    const un = named(names(text), 'United Nations');
    expect(un.mentions.map((m) => m.text)).toEqual(['United Nations', 'U.N.', 'United Nations']);
  });

  it('calls a name with a group word in it an organization', () => {
    const text = 'Fighters of Jamaat Noorullah crossed the river near Kabul.';
    expect(names(text).find((e) => e.name === 'Jamaat Noorullah')?.type).toBe('organization');
  });

  it('drops a sentence-opening word the tagger took into a name', () => {
    const text = 'Using Northwind Shipping boats, the traders reached Lisbon. Northwind Shipping denied it.';
    const es = names(text);
    expect(es.some((e) => e.name.startsWith('Using'))).toBe(false);
  });
});

describe('type vote', () => {
  it('gives a name the type most of its mentions have when the tagger once called it a person', () => {
    const text =
      'Trucks left Kivalo at dawn. The road from Kivalo to the coast was closed. Traders in Kivalo waited. ' +
      'Kivalo said nothing.';
    const es = names(text).filter((e) => e.key.endsWith(':kivalo'));
    expect(es.map((e) => e.type)).toEqual(['place']);
    expect(es[0]!.mentions).toHaveLength(4);
  });
});

describe('split and stray names', () => {
  it('joins "X of Place" for a geographic word, and drops a currency taken for an organization', () => {
    const text =
      'Fishing boats crossed the Bight of Tarnova before dawn. Traders paid 40,000 CFA francs to the Harbour Trust.';
    const es = names(text);
    expect(es.find((e) => e.name === 'Bight of Tarnova')?.type).toBe('place');
    expect(es.some((e) => e.name === 'Bight' || e.name === 'CFA')).toBe(false);
  });

  it('leaves a group named after a gulf or bight an organization', () => {
    const text = 'The Bight of Tarnova Fisheries Partnership (BTFP) met in Lisbon. The BTFP said little.';
    expect(named(names(text), 'Bight of Tarnova Fisheries Partnership').type).toBe('organization');
  });
});

describe('place cues', () => {
  it('makes places of names the words around call towns or provinces', () => {
    const text = 'Cash moves through border towns such as Kesuma and Obrevo. Fighters hid in Taluq province.';
    const es = names(text);
    for (const name of ['Kesuma', 'Obrevo', 'Taluq']) expect(named(es, name).type).toBe('place');
  });
});

describe('half names and demonyms', () => {
  it('drops a direction word cut off by "and" and a demonym used as a noun', () => {
    const text =
      'Recruiters work across Northern and Western Tarnova. Among them were a Kesuman, a Tarnovan and an Obrevan.';
    const es = names(text);
    expect(es.some((e) => e.name === 'Northern')).toBe(false);
    expect(named(es, 'Western Tarnova').type).toBe('place');
    expect(es.filter((e) => e.type === 'place').map((e) => e.name)).not.toContain('Kesuman');
  });
});

describe('shared surnames', () => {
  it('gives a surname two people share to the one named last before it', () => {
    const text =
      'Maria Quist met her cousin Peter Quist in Lisbon. Quist said the talks went well. ' +
      'Later Maria Quist flew to Accra, where Quist spoke again.';
    const es = names(text);
    expect(named(es, 'Maria Quist').mentions.map((m) => m.start)).toEqual([
      0,
      text.indexOf('Maria Quist flew'),
      text.lastIndexOf('Quist'),
    ]);
    expect(named(es, 'Peter Quist').mentions.map((m) => m.text)).toEqual(['Peter Quist', 'Quist']);
    expect(named(es, 'Peter Quist').aliases).toEqual(['Quist']);
    expect(es.some((e) => e.name === 'Quist')).toBe(false);
  });
});

describe('titles outside the tagged name', () => {
  it('makes a person of a name right after a multi-word rank', () => {
    // the tagger calls both of these places
    const es = names('Talks with Brigadier General Tarnova Bay ended. Supplies came from Colonel Kesuma in the north.');
    for (const e of es) expect(e.name).not.toMatch(/Brigadier|General|Colonel/);
    expect(named(es, 'Tarnova Bay').type).toBe('person');
    expect(named(es, 'Kesuma').type).toBe('person');
  });
});

describe('prepositions opening a line', () => {
  it('leaves a leading "Near" or "In" out of a place, and makes a place of the name after it', () => {
    const text = 'Near Obrevo, the road ends.\nIn Tarnova the traders wait.\nOutside Kesuma a camp grew.';
    const es = names(text);
    for (const e of es) expect(e.name).not.toMatch(/^(?:Near|In|Outside) /);
    for (const name of ['Obrevo', 'Tarnova', 'Kesuma']) expect(named(es, name).type).toBe('place');
  });

  it('keeps a name that starts with a direction, and a person read after "In"', () => {
    const es = names('Near East ports were quiet.\nIn Mbeki Tarsin’s view, the plan failed.');
    expect(named(es, 'Near East').type).toBe('place');
    expect(named(es, 'Mbeki Tarsin').type).toBe('person');
  });
});

describe('first names alone', () => {
  it('joins a first name to the one full name it begins', () => {
    const text =
      'Kwame Mensah-Osei spoke first in Accra. Later, Kwame said the port would reopen, and Mensah-Osei agreed.';
    const kwame = named(names(text), 'Kwame Mensah-Osei');
    expect(kwame.mentions.map((m) => m.text)).toEqual(['Kwame Mensah-Osei', 'Kwame', 'Mensah-Osei']);
  });

  it('leaves a first name two people share, or one that is also a surname, on its own', () => {
    const shared = names('Amara Okonjo and Amara Lind met in Lisbon. Amara said the talks were useful.');
    expect(named(shared, 'Amara Okonjo').mentions).toHaveLength(1);
    expect(named(shared, 'Amara Lind').mentions).toHaveLength(1);
    const surname = names('Jonas Brandt met Tomas Jonas in Accra. Jonas said little.');
    expect(named(surname, 'Jonas Brandt').mentions).toHaveLength(1);
  });
});

describe('acronyms inside names', () => {
  it('joins a name with an acronym in it to the same name spelled out', () => {
    const text =
      'The United Nations Security Council met on Monday. Diplomats said the UN Security Council would vote. ' +
      'The U.S. Coast Guard and the United States Coast Guard are one; the US Navy is not.';
    const es = names(text);
    expect(named(es, 'United Nations Security Council').mentions.map((m) => m.text)).toEqual([
      'United Nations Security Council',
      'UN Security Council',
    ]);
    expect(named(es, 'United States Coast Guard').aliases).toEqual(['U.S. Coast Guard']);
    expect(named(es, 'US Navy').mentions).toHaveLength(1);
  });

  it('finds the long form of an acronym defined in parentheses when it ends in a place word', () => {
    const text =
      'Fighters loyal to the Islamic Front Tarnova Province (IFTP) crossed the river. IFTP later said it held the ford.';
    const front = named(names(text), 'Islamic Front Tarnova Province');
    expect(front.type).toBe('organization');
    expect(front.mentions.map((m) => m.text)).toEqual(['Islamic Front Tarnova Province', 'IFTP', 'IFTP']);
  });
});
