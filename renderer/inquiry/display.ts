import { type AgencyConfig, mcoName, priorityLabel } from '../../shared/config/agencyConfig';
import { ENROLLMENT_LABELS, type FieldName, type FieldValue, isMemberIdentifier } from '../../shared/inquiry/fields';
import { maskDob, maskMedicaidId, maskName, maskPhone } from '../../shared/inquiry/mask';
import { isInstant } from '../../shared/time/types';
import { formatDay, formatLong } from '../app/format';

/** A field's value as people read it; member identifiers masked unless `reveal`. */
export function displayValue(field: FieldName, value: FieldValue, config: AgencyConfig, reveal: boolean): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'object') return value.name;
  if (field === 'receivedAt' && typeof value === 'number' && isInstant(value)) return formatLong(value, config.timeZone);
  const text = String(value);
  if (isMemberIdentifier(field) && !reveal) {
    if (field === 'memberName') return maskName(text);
    if (field === 'medicaidId') return maskMedicaidId(text);
    if (field === 'memberDob') return maskDob(text);
    return maskPhone(text);
  }
  switch (field) {
    case 'memberDob':
      return formatDay(text);
    case 'mcoEnrollment':
      return ENROLLMENT_LABELS[text as keyof typeof ENROLLMENT_LABELS] ?? text;
    case 'mcoId':
      return mcoName(config, text);
    case 'priority':
      return priorityLabel(config, text);
    default:
      return text;
  }
}
