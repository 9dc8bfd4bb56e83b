import { useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { suggestPriority } from '../../shared/config/suggest';
import type { ConfigPath } from '../../shared/config/validateConfig';
import { Field, Options } from '../components/Field';
import { type BuildResult, Cell, fieldId, SettingsPage, useConfigEditor } from './configEditor';
import { CONFIG_PAGES } from './configPages';
import { focusLater, moved, patchAt, RowActions, without } from './listEditor';
import type { SettingsScreenProps } from './settingsScreen';

interface CategoryDraft {
  key: string;
  name: string;
  subcategories: { key: string; name: string }[];
}
interface RuleDraft {
  key: string;
  priority: string;
  /** Comma-separated, as typed. */
  keywords: string;
  /** Categories by their draft key, so renaming a category carries over to the rules that name it. */
  categoryKeys: string[];
}
interface TaxonomyDraft {
  categories: CategoryDraft[];
  rules: RuleDraft[];
}

let keySeq = 0;
const newKey = (prefix: string) => `${prefix}-new-${++keySeq}`;
const fold = (s: string) => s.trim().toLocaleLowerCase('en-US');

function toDraft(c: AgencyConfig): TaxonomyDraft {
  const categories = c.categories.map((cat, i) => ({
    key: `cat-${i}`,
    name: cat.name,
    subcategories: cat.subcategories.map((s, j) => ({ key: `cat-${i}-sub-${j}`, name: s })),
  }));
  const keyOf = new Map(categories.map((cat) => [fold(cat.name), cat.key]));
  return {
    categories,
    rules: c.suggestionRules.map((r, i) => ({
      key: `rule-${i}`,
      priority: r.priority,
      keywords: r.keywords.join(', '),
      categoryKeys: r.categories.map((name) => keyOf.get(fold(name))).filter((k): k is string => k !== undefined),
    })),
  };
}

function build(d: TaxonomyDraft, config: AgencyConfig): BuildResult {
  const nameOf = new Map(d.categories.map((c) => [c.key, c.name.trim()]));
  return {
    next: {
      ...config,
      categories: d.categories.map((c) => ({ name: c.name.trim(), subcategories: c.subcategories.map((s) => s.name.trim()) })),
      suggestionRules: d.rules.map((r) => ({
        priority: r.priority,
        keywords: r.keywords
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== ''),
        categories: r.categoryKeys.map((k) => nameOf.get(k)).filter((n): n is string => n !== undefined),
      })),
    },
    issues: [],
  };
}

/** Problems with one keyword or one chosen category show at the rule's keyword input or its category choices. */
const anchor = (path: ConfigPath): ConfigPath =>
  path[0] === 'suggestionRules' && (path[2] === 'keywords' || path[2] === 'categories') ? path.slice(0, 3) : path;

/** Settings → Categories and suggestions: the issue taxonomy, and the rules that suggest a priority at intake. */
export function Taxonomy({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build, { anchor });
  const { draft, setDraft, errorOf } = editor;
  const err = (...path: ConfigPath) => errorOf(path);

  const setCategory = (i: number, update: (c: CategoryDraft) => CategoryDraft) =>
    setDraft((d) => ({ ...d, categories: d.categories.map((c, j) => (j === i ? update(c) : c)) }));
  const setRule = (i: number, patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, rules: patchAt(d.rules, i, patch) }));

  const addCategory = () => {
    const i = draft.categories.length;
    setDraft((d) => ({ ...d, categories: [...d.categories, { key: newKey('cat'), name: '', subcategories: [] }] }));
    focusLater(fieldId(['categories', i, 'name']));
  };
  const addSubcategory = (i: number) => {
    const j = draft.categories[i]?.subcategories.length ?? 0;
    setCategory(i, (c) => ({ ...c, subcategories: [...c.subcategories, { key: newKey('sub'), name: '' }] }));
    focusLater(fieldId(['categories', i, 'subcategories', j]));
  };
  const addRule = () => {
    const i = draft.rules.length;
    setDraft((d) => ({
      ...d,
      rules: [...d.rules, { key: newKey('rule'), priority: config.priorityLevels[0]?.id ?? '', keywords: '', categoryKeys: [] }],
    }));
    focusLater(fieldId(['suggestionRules', i, 'priority']));
  };

  return (
    <SettingsPage {...editor.page} {...CONFIG_PAGES.taxonomy}>
      <fieldset className="section">
        <legend>Categories</legend>
        {draft.categories.map((c, i) => {
          const name = c.name.trim() || `category ${i + 1}`;
          return (
            <fieldset key={c.key} className="settings-card category-card">
              <legend>{c.name.trim() || `New category ${i + 1}`}</legend>
              <div className="category-head">
                <Field id={fieldId(['categories', i, 'name'])} label="Category" required error={err('categories', i, 'name')}>
                  {(p) => (
                    <input
                      {...p}
                      value={c.name}
                      onChange={(e) => setCategory(i, (x) => ({ ...x, name: e.target.value }))}
                      autoComplete="off"
                    />
                  )}
                </Field>
                <RowActions
                  name={name}
                  idPrefix={`cat-${c.key}`}
                  index={i}
                  count={draft.categories.length}
                  onMove={(by) => setDraft((d) => ({ ...d, categories: moved(d.categories, i, by) }))}
                  onRemove={() =>
                    setDraft((d) => ({
                      ...d,
                      categories: without(d.categories, i),
                      rules: d.rules.map((r) => ({ ...r, categoryKeys: r.categoryKeys.filter((k) => k !== c.key) })),
                    }))
                  }
                  removeFocus="taxonomy-add-category"
                />
              </div>
              <ul className="subcategory-list" aria-label={`Sub-categories of ${name}`}>
                {c.subcategories.map((s, j) => (
                  <li key={s.key}>
                    <Cell
                      id={fieldId(['categories', i, 'subcategories', j])}
                      label={`Sub-category ${j + 1} of ${name}`}
                      error={err('categories', i, 'subcategories', j)}
                    >
                      {(p) => (
                        <input
                          {...p}
                          value={s.name}
                          onChange={(e) =>
                            setCategory(i, (x) => ({
                              ...x,
                              subcategories: x.subcategories.map((y, k) => (k === j ? { ...y, name: e.target.value } : y)),
                            }))
                          }
                          autoComplete="off"
                        />
                      )}
                    </Cell>
                    <button
                      aria-label={`Remove ${s.name.trim() || `sub-category ${j + 1}`}`}
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setCategory(i, (x) => ({ ...x, subcategories: x.subcategories.filter((_, k) => k !== j) }));
                        focusLater(`cat-${c.key}-add-sub`);
                      }}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
              <div>
                <button type="button" id={`cat-${c.key}-add-sub`} className="secondary" onClick={() => addSubcategory(i)}>
                  Add a sub-category to {name}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div>
          <button type="button" id="taxonomy-add-category" className="secondary" onClick={addCategory}>
            Add a category
          </button>
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>Priority suggestions</legend>
        <p className="hint">
          At intake the form suggests a priority when the description mentions a keyword (whole words, any case) or the category is one
          chosen here. Rules are tried from the top; the first that matches wins. A person always decides.
        </p>
        {draft.rules.length === 0 && <p className="muted">No rules: the intake form suggests nothing.</p>}
        {draft.rules.map((r, i) => {
          const label = `Rule ${i + 1}`;
          const categoriesId = fieldId(['suggestionRules', i, 'categories']);
          const categoriesErr = err('suggestionRules', i, 'categories');
          return (
            <fieldset key={r.key} className="settings-card rule-card">
              <legend>{label}</legend>
              <div className="grid">
                <Field id={fieldId(['suggestionRules', i, 'priority'])} label="Suggest" error={err('suggestionRules', i, 'priority')}>
                  {(p) => (
                    <select {...p} value={r.priority} onChange={(e) => setRule(i, { priority: e.target.value })}>
                      {!config.priorityLevels.some((l) => l.id === r.priority) && <option value={r.priority}>Choose a level…</option>}
                      <Options options={config.priorityLevels.map((l) => ({ value: l.id, label: l.label }))} />
                    </select>
                  )}
                </Field>
                <Field
                  id={fieldId(['suggestionRules', i, 'keywords'])}
                  label="When the description mentions"
                  hint="Keywords or phrases separated by commas, e.g. hospital, out of medication"
                  error={err('suggestionRules', i, 'keywords')}
                  className="wide"
                >
                  {(p) => <input {...p} value={r.keywords} onChange={(e) => setRule(i, { keywords: e.target.value })} autoComplete="off" />}
                </Field>
              </div>
              <fieldset
                id={categoriesId}
                tabIndex={-1}
                className={`field${categoriesErr ? ' has-error' : ''}`}
                aria-describedby={categoriesErr ? `${categoriesId}-error` : undefined}
              >
                <legend>Or the category is</legend>
                <div className="choices">
                  {draft.categories.map((c) => (
                    <label key={c.key} className="choice">
                      <input
                        type="checkbox"
                        checked={r.categoryKeys.includes(c.key)}
                        onChange={(e) =>
                          setRule(i, {
                            categoryKeys: e.target.checked ? [...r.categoryKeys, c.key] : r.categoryKeys.filter((k) => k !== c.key),
                          })
                        }
                      />
                      {c.name.trim() || 'New category'}
                    </label>
                  ))}
                </div>
                {categoriesErr && (
                  <p id={`${categoriesId}-error`} className="field-error">
                    {categoriesErr}
                  </p>
                )}
              </fieldset>
              <RowActions
                name={label.toLowerCase()}
                idPrefix={`rule-${r.key}`}
                index={i}
                count={draft.rules.length}
                onMove={(by) => setDraft((d) => ({ ...d, rules: moved(d.rules, i, by) }))}
                onRemove={() => setDraft((d) => ({ ...d, rules: without(d.rules, i) }))}
                removeFocus="taxonomy-add-rule"
              />
            </fieldset>
          );
        })}
        <div>
          <button type="button" id="taxonomy-add-rule" className="secondary" onClick={addRule}>
            Add a rule
          </button>
        </div>
        <RuleTester draft={draft} config={config} />
      </fieldset>
    </SettingsPage>
  );
}

/** Try the rules as they stand in the form on a description and category, before saving them. */
function RuleTester({ draft, config }: { draft: TaxonomyDraft; config: AgencyConfig }) {
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const { next } = build(draft, config);
  const suggestion = description.trim() === '' && category === '' ? undefined : suggestPriority(next, { description, category });
  const label = (id: string) => config.priorityLevels.find((p) => p.id === id)?.label ?? id;
  return (
    <section className="rule-tester" aria-labelledby="rule-tester-title">
      <h2 id="rule-tester-title">Try the rules</h2>
      <div className="grid">
        <Field id="rule-tester-description" label="Description" className="wide">
          {(p) => <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="rule-tester-category" label="Category">
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">None</option>
              {next.categories
                .filter((c) => c.name !== '')
                .map((c) => (
                  <option key={c.name}>{c.name}</option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <p role="status" className="rule-tester-result">
        {suggestion === undefined
          ? 'Type a description to see what the rules suggest.'
          : suggestion === null
            ? 'No suggestion: no rule matches.'
            : `Suggested: ${label(suggestion.priority)} (${suggestion.because})`}
      </p>
    </section>
  );
}
