import type { FieldName } from '../../shared/inquiry/fields';
import { CONTROLS_OF_FIELD, type IntakeControl } from '../../shared/inquiry/intake';

/** What one "Edit" button changes: fields that constrain each other are edited together. */
export interface EditGroup {
  key: string;
  label: string;
  fields: readonly FieldName[];
}

export const EDIT_GROUPS: readonly EditGroup[] = [
  { key: 'received', label: 'Received', fields: ['receivedAt'] },
  { key: 'source', label: 'Source', fields: ['source'] },
  { key: 'originator', label: 'Originator', fields: ['originatorName', 'originatorContact'] },
  { key: 'memberName', label: 'Member name', fields: ['memberName'] },
  { key: 'medicaidId', label: 'Medicaid ID', fields: ['medicaidId'] },
  { key: 'memberDob', label: 'Date of birth', fields: ['memberDob'] },
  { key: 'memberPhone', label: 'Member phone', fields: ['memberPhone'] },
  { key: 'callback', label: 'Callback', fields: ['callbackPhone', 'callbackAvailability'] },
  { key: 'mco', label: 'MCO', fields: ['mcoEnrollment', 'mcoId'] },
  { key: 'priority', label: 'Priority', fields: ['priority'] },
  { key: 'assignee', label: 'Assignee', fields: ['assignee'] },
  { key: 'category', label: 'Category', fields: ['category', 'subcategory'] },
  { key: 'description', label: 'Description', fields: ['description'] },
  { key: 'expectedOutcome', label: 'Expected outcome', fields: ['expectedOutcome'] },
  { key: 'rootCause', label: 'Root cause', fields: ['rootCause'] },
];

export const controlsOfGroup = (g: EditGroup): IntakeControl[] => g.fields.flatMap((f) => CONTROLS_OF_FIELD[f]);
