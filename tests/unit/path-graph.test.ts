import { describe, expect, it } from 'vitest';
import { fitText, layoutGraph, reduceEdges } from '../../src/lib/path-graph.ts';

const n = (id: string, project = false) => ({ id, label: id, href: `/${id}/`, route: `/${id}/`, project });

describe('learning path drawing', () => {
  it('places stages as columns and pages top to bottom in path order', () => {
    const layout = layoutGraph({
      columns: [
        { label: 'Beginner', nodes: [n('a'), n('b')] },
        { label: 'Intermediate', nodes: [n('c', true)] },
      ],
      edges: [],
    });
    expect(layout.nodes.map((p) => [p.id, p.x, p.y, p.project])).toEqual([
      ['a', 44, 44, false],
      ['b', 44, 90, false],
      ['c', 328, 44, true],
    ]);
    expect(layout.headers.map((h) => [h.label, h.x])).toEqual([
      ['Beginner', 44],
      ['Intermediate', 328],
    ]);
    expect([layout.width, layout.height]).toEqual([564, 140]);
  });

  it('draws an edge between columns from the right side of the prerequisite to the left side of the page', () => {
    const layout = layoutGraph({
      columns: [
        { label: 'B', nodes: [n('a')] },
        { label: 'I', nodes: [n('c')] },
      ],
      edges: [{ from: 'a', to: 'c' }],
    });
    expect(layout.edges).toEqual([{ d: 'M264 61C304 61 288 61 328 61' }]);
  });

  it('draws an edge within a column as a loop on its left and skips edges to pages not drawn', () => {
    const layout = layoutGraph({
      columns: [{ label: 'B', nodes: [n('a'), n('b')] }],
      edges: [
        { from: 'a', to: 'b' },
        { from: 'gone', to: 'b' },
      ],
    });
    expect(layout.edges).toEqual([{ d: 'M44 61C30 61 30 107 44 107' }]);
  });

  it('leaves out edges implied by a longer path', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'c' },
    ];
    expect(reduceEdges(edges)).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ]);
  });

  it('shortens titles to the part before a colon and ends long ones with an ellipsis', () => {
    expect(fitText('Docker: images and containers')).toBe('Docker');
    expect(fitText('A very long title without any colon at all', 12)).toBe('A very long…');
    expect(fitText('Kubernetes', 12)).toBe('Kubernetes');
  });
});
