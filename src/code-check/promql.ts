import { parser } from '@prometheus-io/lezer-promql';

/** Grafana's duration variables, replaced by a valid duration before parsing. */
const GRAFANA_DURATIONS = /\$(?:__rate_interval|__interval|__range|\{__rate_interval\}|\{__interval\}|\{__range\})(?:_ms|_s)?/g;
/** Other dashboard variables (`$job`, `${job}`), replaced by a valid identifier of the same length. */
const GRAFANA_VARIABLES = /\$\{(\w+)\}|\$(\w+)/g;

/** Returns a query with Grafana's template variables replaced so that Prometheus's grammar accepts it; offsets are kept. */
export function substituteGrafanaVariables(query: string): string {
  return query.replace(GRAFANA_DURATIONS, (m) => '5m'.padEnd(m.length, ' ')).replace(GRAFANA_VARIABLES, (m) => 'v'.padEnd(m.length, '_'));
}

/** Returns the problems of a PromQL expression: each syntax error with its offset in the text. */
export function checkPromql(query: string): { offset: number; message: string }[] {
  const text = substituteGrafanaVariables(query);
  const problems: { offset: number; message: string }[] = [];
  parser.parse(text).iterate({
    enter(node) {
      if (!node.type.isError) return;
      const near = text
        .slice(node.from, node.from + 20)
        .split('\n')[0]!
        .trim();
      problems.push({ offset: node.from, message: near ? `syntax error at \`${near}\`` : 'unexpected end of expression' });
      return false;
    },
  });
  return problems;
}

/** Returns the 1-based line of an offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
