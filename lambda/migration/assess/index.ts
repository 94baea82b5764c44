export { assessRegistry, type AssessOptions } from './assess';
export {
  buildInventory,
  DEFAULT_MS_PER_WRITE,
  type ContextInventory,
  type ImportEstimate,
  type Inventory,
  type InventoryCounts,
} from './inventory';
export { renderInventory } from './render';
