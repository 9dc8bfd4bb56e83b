/*
 * The words of each settings page edited through the configuration editor (configEditor.tsx): its heading, by which
 * Settings lists it too (SettingsView.tsx), and what the page is for, under it.
 */
export const CONFIG_PAGES = {
  policy: {
    titleId: 'policy-title',
    title: 'Policy and calendar',
    intro:
      'Targets and the calendar decide when first contact is due. A change applies to inquiries logged after you save it; an inquiry keeps the targets it was given.',
  },
  mcos: {
    titleId: 'mcos-title',
    title: 'MCO directory',
    intro:
      'The MCOs members are enrolled with, the names they go by, and whom to call in each department. An MCO that no longer serves members is deactivated, not deleted: inquiries that name it keep it.',
  },
  routing: {
    titleId: 'routing-title',
    title: 'Routing directory',
    intro:
      'The quick reference liaisons open beside an inquiry: for each kind of issue, what to check first and whom to contact. Listed in this order in the panel.',
  },
  taxonomy: {
    titleId: 'taxonomy-title',
    title: 'Categories and suggestions',
    intro:
      'Categories classify inquiries for reports. Renaming or removing one does not change inquiries already logged: they keep the category they were given.',
  },
  grievances: {
    titleId: 'grievance-reasons-title',
    title: 'Grievance reasons',
    intro:
      'When an inquiry is classified as a complaint, one of these reasons is chosen; the grievance report counts complaints by them, in this order. Removing a reason leaves the complaints that have it as they are (they are counted under it after the listed ones).',
  },
} as const;
