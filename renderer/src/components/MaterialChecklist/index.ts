export {
  initialMarks,
  marksOf,
  missingRequiredOf,
  toMaterialChecks,
  type ChecklistMaterial,
  type MaterialMark,
} from './checklist-marks';
export { ChecklistSummary, type ChecklistAdvice } from './ChecklistSummary';
export { MATERIAL_STATUS_LABELS, MaterialChecklist } from './MaterialChecklist';
