/**
 * The catalogs of every framework and school type (their data, loaded at once: the CLI, the checker and
 * the pane's later panels), and everything of ./base.
 */
import type { Catalog, Framework, SchoolType } from './types';
import tt17 from './data/tt17-tieu-hoc';
import tt18 from './data/tt18-thcs-thpt';
import tt19 from './data/tt19-mam-non';
import tt57MamNon from './data/tt57-mam-non';
import tt57PhoThong from './data/tt57-pho-thong';
import tt57Gdtx from './data/tt57-gdtx';
import { CatalogError, FRAMEWORK_LABELS, SCHOOL_TYPE_LABELS, SCHOOL_TYPES } from './base';

export * from './base';

const CATALOGS: Readonly<Record<Framework, Partial<Record<SchoolType, Catalog>>>> = {
  '2018': { 'tieu-hoc': tt17, 'thcs-thpt': tt18, 'mam-non': tt19 },
  '2026': { 'mam-non': tt57MamNon, 'tieu-hoc': tt57PhoThong, 'thcs-thpt': tt57PhoThong, gdtx: tt57Gdtx },
};

/** The catalog for a framework and school type, or undefined where the framework has none (GDTX in 2018). */
export function findCatalog(framework: Framework, schoolType: SchoolType): Catalog | undefined {
  return CATALOGS[framework][schoolType];
}

export function getCatalog(framework: Framework, schoolType: SchoolType): Catalog {
  const c = findCatalog(framework, schoolType);
  if (!c) {
    throw new CatalogError(
      `${FRAMEWORK_LABELS[framework]} không có bộ tiêu chí cho loại trường «${SCHOOL_TYPE_LABELS[schoolType]}».`,
    );
  }
  return c;
}

/** School types a framework has a catalog for. */
export function schoolTypesOf(framework: Framework): SchoolType[] {
  return SCHOOL_TYPES.filter((t) => findCatalog(framework, t));
}
