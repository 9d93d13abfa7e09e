export { CatalogueItemPage } from './CatalogueItemPage';
export { CataloguePage } from './CataloguePage';
export { NewCatalogueItemPage } from './NewCatalogueItemPage';
