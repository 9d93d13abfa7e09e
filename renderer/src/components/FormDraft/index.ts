export { DraftNotice } from './DraftNotice';
export { useFormDraft, type FormDraftState } from './use-form-draft';
