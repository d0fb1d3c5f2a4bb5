/**
 * The catalogs for the first screen, loaded when first needed: the first paint carries none of them
 * (120 KB gzip budget, test/taskpane/bundle.test.ts). The document code that starts right after first
 * paint (the standalone session, the Word gateway) reads every catalog anyway, so webpack puts them in
 * the chunk it shares with them; in a build where it did not, each would be its own chunk.
 */
import type { Catalog, Framework, SchoolType } from '../../domain/catalog/base';

type Loader = () => Promise<{ default: Catalog }>;

const LOADERS: Readonly<Record<Framework, Partial<Record<SchoolType, Loader>>>> = {
  '2018': {
    'tieu-hoc': () => import(/* webpackChunkName: "catalog-tt17" */ '../../domain/catalog/data/tt17-tieu-hoc'),
    'thcs-thpt': () => import(/* webpackChunkName: "catalog-tt18" */ '../../domain/catalog/data/tt18-thcs-thpt'),
    'mam-non': () => import(/* webpackChunkName: "catalog-tt19" */ '../../domain/catalog/data/tt19-mam-non'),
  },
  '2026': {
    'mam-non': () => import(/* webpackChunkName: "catalog-tt57-mam-non" */ '../../domain/catalog/data/tt57-mam-non'),
    'tieu-hoc': () => import(/* webpackChunkName: "catalog-tt57-pho-thong" */ '../../domain/catalog/data/tt57-pho-thong'),
    'thcs-thpt': () => import(/* webpackChunkName: "catalog-tt57-pho-thong" */ '../../domain/catalog/data/tt57-pho-thong'),
    gdtx: () => import(/* webpackChunkName: "catalog-tt57-gdtx" */ '../../domain/catalog/data/tt57-gdtx'),
  },
};

/** The catalog of a framework and school type, or undefined where there is none (GDTX in 2018). */
export async function loadCatalog(framework: Framework, schoolType: SchoolType): Promise<Catalog | undefined> {
  const load = LOADERS[framework][schoolType];
  return load ? (await load()).default : undefined;
}

/** The key a loaded catalog is kept under. */
export const catalogKey = (framework: Framework, schoolType: SchoolType): string => `${framework}/${schoolType}`;

/** Every catalog loader (the pane preloads them when idle: src/taskpane/chunks.ts). */
export function allCatalogLoaders(): (() => Promise<unknown>)[] {
  return Object.values(LOADERS).flatMap((bySchool) => Object.values(bySchool).filter((l): l is Loader => !!l));
}
