// An article's kept entities are reused while the app version, the model and this number
// are the same. Raise it with any change to the rules that changes what an article's entities
// are, so that articles extracted before the change are extracted again.
export const ENTITY_RULES_VERSION = 2;
