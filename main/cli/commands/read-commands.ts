import type { Gloss } from '../../app/composition';

/** `gloss list`. */
export async function listCommand(gloss: Gloss, json: boolean): Promise<number> {
  const articles = await gloss.api.listArticles({});
  if (json) {
    console.log(JSON.stringify(articles, null, 2));
    return 0;
  }
  for (const a of articles) {
    console.log(`${a.id}  ${a.added.slice(0, 10)}  ${String(a.wordCount).padStart(6)} words  ${a.title}`);
  }
  if (articles.length === 0) console.log('The library is empty.');
  return 0;
}

/** `gloss show ID`. */
export async function showCommand(gloss: Gloss, id: string, json: boolean): Promise<number> {
  const article = await gloss.api.getArticle({ id });
  if (json) {
    console.log(JSON.stringify(article, null, 2));
    return 0;
  }
  const { html: _html, text, ...meta } = article;
  for (const [key, value] of Object.entries(meta)) {
    if (value !== null && value !== '')
      console.log(`${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  console.log(`\n${text}`);
  return 0;
}
