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

const patternCache = new Map<string, RegExp>();

/** A keyword as a whole word or phrase; a trailing "*" matches word beginnings ("kündig*"). */
function keywordPattern(keyword: string): RegExp {
  let pattern = patternCache.get(keyword);
  if (!pattern) {
    const prefix = keyword.endsWith('*');
    const escaped = (prefix ? keyword.slice(0, -1) : keyword)
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\\\*/g, '[\\p{L}\\p{N}]*')
      .replace(/\s+/g, '\\s+');
    const end = prefix ? '' : '(?![\\p{L}\\p{N}])';
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${end}`, 'iu');
    patternCache.set(keyword, pattern);
  }
  return pattern;
}

function matches(topics: ScopeRule['inScope'], text: string): ScopeMatch[] {
  const found: ScopeMatch[] = [];
  for (const topic of topics) {
    const keyword = topic.keywords.find((candidate) => keywordPattern(candidate).test(text));
    if (keyword) found.push({ id: topic.id, label: topic.label, source: topic.source, keyword });
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
