import type { OrderedPath } from '../lib/learning-path.ts';
import { layoutGraph, type GraphLayout } from '../lib/path-graph.ts';
import { withBase } from '../lib/routes.ts';
import { prerequisitesOf } from './page-view.ts';
import type { Site } from './site.ts';

/** The route of the generated learning path page. */
export const LEARNING_PATH_ROUTE = '/learning-path/';

/** A page on the learning path, ready to render. */
export interface PathItem {
  label: string;
  href: string;
  route: string;
  description?: string | undefined;
  level?: string | undefined;
  readingMinutes: number;
}

/** One stage: its pages in order and its project pages. */
export interface StageView {
  id: string;
  heading: string;
  items: PathItem[];
  projects: PathItem[];
}

/** Everything the learning path page renders. */
export interface LearningPathView {
  stages: StageView[];
  unplaced: PathItem[];
  /** Pages on the path (projects included), for the overall count. */
  total: number;
  graph: GraphLayout;
}

/** Returns whether the site gets a generated learning path: some page has a level, and no page of its own takes the route. */
export function hasLearningPath(site: Site): boolean {
  return (
    site.learningPath.stages.some((s) => s.files.length + s.projects.length > 0) && !site.pages.some((p) => p.route === LEARNING_PATH_ROUTE)
  );
}

/** Returns the view of the learning path page, from the path computed once per build; stages without pages are left out. */
export function learningPathView(site: Site, base: string, whole: OrderedPath = site.learningPath): LearningPathView {
  const path = { ...whole, stages: whole.stages.filter((s) => s.files.length + s.projects.length > 0) };
  const item = (file: string): PathItem => {
    const page = site.byFile.get(file)!;
    return {
      label: page.title,
      href: withBase(base, page.route),
      route: page.route,
      description: page.description,
      level: page.frontmatter.level,
      readingMinutes: page.readingMinutes,
    };
  };
  const stages = path.stages.map((s) => ({
    id: s.level,
    heading: `${s.label} · ${s.duration}`,
    items: s.files.map(item),
    projects: s.projects.map(item),
  }));
  const placed = new Set(path.stages.flatMap((s) => [...s.files, ...s.projects]));
  const edges = [...placed].flatMap((file) =>
    prerequisitesOf(site, site.byFile.get(file)!)
      .filter((pre) => placed.has(pre.file))
      .map((pre) => ({ from: pre.file, to: file })),
  );
  const graph = layoutGraph({
    columns: path.stages.map((s, i) => ({
      label: stages[i]!.heading,
      nodes: [...s.files.map((f) => ({ f, project: false })), ...s.projects.map((f) => ({ f, project: true }))].map(({ f, project }) => {
        const { label, href, route } = item(f);
        return { id: f, label, href, route, project };
      }),
    })),
    edges,
  });
  return { stages, unplaced: path.unplaced.map(item), total: placed.size, graph };
}
