import type { ScopeRule } from './schema';

export interface ScopeMatch {
  id: string;
  label: string;
  source: string;
  keyword: string;
}

export interface ScopeClassification {
  verdict: 'in-scope' | 'out-of-scope' | 'unclear';
  inScope: ScopeMatch[];
  outOfScope: ScopeMatch[];
}

/** A keyword as a whole word or phrase; a trailing "*" matches word beginnings ("kündig*"). */
function keywordSource(keyword: string): string {
  const prefix = keyword.endsWith('*');
  const escaped = (prefix ? keyword.slice(0, -1) : keyword)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\\*/g, '[\\p{L}\\p{N}]*')
    .replace(/\s+/g, '\\s+');
  return `(?<![\\p{L}\\p{N}])${escaped}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`;
}

/** One pattern per keyword list (topics are few, keywords many): a single pass over the text per topic. */
const topicPatterns = new WeakMap<string[], RegExp[]>();

function patternsFor(keywords: string[]): RegExp[] {
  let patterns = topicPatterns.get(keywords);
  if (!patterns) {
    patterns = keywords.map((keyword) => new RegExp(keywordSource(keyword), 'iu'));
    patterns.unshift(new RegExp(keywords.map(keywordSource).join('|'), 'iu'));
    topicPatterns.set(keywords, patterns);
  }
  return patterns;
}

function matches(topics: ScopeRule['inScope'], text: string): ScopeMatch[] {
  const found: ScopeMatch[] = [];
  for (const topic of topics) {
    const [any, ...each] = patternsFor(topic.keywords);
    if (!any?.test(text)) continue;
    const keyword = topic.keywords[each.findIndex((pattern) => pattern.test(text))] ?? '';
    found.push({ id: topic.id, label: topic.label, source: topic.source, keyword });
  }
  return found;
}

/**
 * Classifies a request's text against a scope table. An out-of-scope match wins: the paid service
 * has to be offered before anyone starts the work.
 */
export function classifyScope(scope: ScopeRule, text: string): ScopeClassification {
  const inScope = matches(scope.inScope, text);
  const outOfScope = matches(scope.outOfScope, text);
  const verdict = outOfScope.length ? 'out-of-scope' : inScope.length ? 'in-scope' : 'unclear';
  return { verdict, inScope, outOfScope };
}
