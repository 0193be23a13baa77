import { ProgressFormatter, formatterHelpers, type IFormatterOptions } from '@cucumber/cucumber';
import type * as messages from '@cucumber/messages';
import { translator } from '../../simulator/i18n.js';
import { allowedClauses, type KeywordType, type StepType } from './grammar.js';
import { undefinedHelp } from './help.js';
import { isLang, type Lang } from './labels.js';

/**
 * cucumber's `progress` output in the feature's language (cucumber.mjs `format`). cucumber-js 12 writes its
 * issue report in fixed English: "Undefined. Implement with the following snippet:", "Failures:", "Scenario:",
 * "Before"/"After", "Pending", "Attachment (…)" and the counts ("1 scenario (1 undefined)") are string literals
 * in lib/formatter/helpers/test_case_attempt_formatter.js, summary_formatter.js and summary_helpers.js, with no
 * option to change them (a snippet syntax replaces only the snippet under the header). This formatter keeps
 * cucumber's dots and its parsing of each attempt (formatterHelpers.parseTestCaseAttempt) and words the rest
 * from authoring:run.*: an undefined step shows only our help (snippets.ts), which is in the feature's language.
 */
type Attempt = ReturnType<formatterHelpers.EventDataCollector['getTestCaseAttempts']>[number];
type Status = messages.TestStepResultStatus;

const SYMBOL: Partial<Record<Status, string>> = { AMBIGUOUS: '✖', FAILED: '✖', PASSED: '✔', PENDING: '?', SKIPPED: '-', UNDEFINED: '?' };
const ORDER: readonly Status[] = ['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING', 'SKIPPED', 'PASSED', 'UNKNOWN'] as Status[];
/** cucumber's own first line of an ambiguous step's message (lib/runtime/helpers.js getAmbiguousStepException). */
const AMBIGUOUS_HEAD = 'Multiple step definitions match:';

const say = (lng: Lang, key: string, values: Record<string, unknown> = {}): string => translator(lng)(`authoring:run.${key}`, values);
const indent = (text: string, n: number): string => text.replace(/^(?=.)/gm, ' '.repeat(n));
const ms = (d: messages.Duration | undefined): number => (d ? d.seconds * 1000 + d.nanos / 1e6 : 0);
/** cucumber's duration format (0m01.234s); digits and units are the same in the three languages. */
function duration(millis: number): string {
  const m = Math.floor(millis / 60000);
  const s = (millis - m * 60000) / 1000;
  return `${m}m${s.toFixed(3).padStart(6, '0')}s`;
}

/** The scenario's own keyword as written (Szenario, Beispiel, Scenario…), found by the pickle's AST node. */
function scenarioKeyword(a: Attempt): string {
  const id = a.pickle.astNodeIds[0];
  const find = (children: readonly messages.FeatureChild[] | readonly messages.RuleChild[]): string | undefined => {
    for (const ch of children) {
      if ('rule' in ch && ch.rule) { const k = find(ch.rule.children); if (k) return k; }
      if (ch.scenario?.id === id) return ch.scenario.keyword;
    }
    return undefined;
  };
  return find(a.gherkinDocument.feature?.children ?? []) ?? 'Scenario';
}

/** Keyword and keyword type of each Gherkin step by its AST node id. */
function gherkinSteps(a: Attempt): Map<string, messages.Step> {
  const out = new Map<string, messages.Step>();
  const add = (children: readonly messages.FeatureChild[] | readonly messages.RuleChild[]): void => {
    for (const ch of children) {
      if ('rule' in ch && ch.rule) add(ch.rule.children);
      for (const st of (ch.scenario ?? ch.background)?.steps ?? []) out.set(st.id, st);
    }
  };
  add(a.gherkinDocument.feature?.children ?? []);
  return out;
}

const languageOf = (a: Attempt): Lang => (isLang(a.pickle.language) ? a.pickle.language : 'en');

export default class LocalizedProgressFormatter extends ProgressFormatter {
  static override readonly documentation = 'Progress dots, then failures and counts in the features\' language (de/nl/en).';

  constructor(options: IFormatterOptions) {
    super(options);
  }

  /**
   * Failures, warnings and counts per language of the features (a run usually has one: `-p de features/de`); a
   * run over several languages shows each language's block in that language. The duration closes the run.
   */
  override logSummary(testRunDuration: messages.Duration): void {
    const all = this.eventDataCollector.getTestCaseAttempts();
    const langs = [...new Set(all.map(languageOf))];
    const runLng: Lang = langs.length === 1 && langs[0] ? langs[0] : 'en';
    const undefinedTypes = this.eventDataCollector.undefinedParameterTypes;
    if (undefinedTypes.length > 0) {
      this.log(`${say(runLng, 'undefinedParameterTypes')}\n\n${undefinedTypes.map((p) => `- "${p.name}": ${p.expression}`).join('\n')}\n\n`);
    }
    const counts: string[] = [];
    for (const lng of langs) {
      const attempts = all.filter((a) => languageOf(a) === lng);
      const failures = attempts.filter((a) => formatterHelpers.isFailure(a.worstTestStepResult, a.willBeRetried));
      const warnings = attempts.filter((a) => !failures.includes(a) && formatterHelpers.isWarning(a.worstTestStepResult, a.willBeRetried));
      if (failures.length > 0) this.logIssues({ issues: failures, title: say(lng, 'failures') });
      if (warnings.length > 0) this.logIssues({ issues: warnings, title: say(lng, 'warnings') });
      counts.push(...this.counts(lng, attempts).map((line) => (langs.length > 1 ? `[${lng}] ${line}` : line)));
    }
    let stepTime = 0;
    for (const a of all) for (const r of Object.values(a.stepResults)) stepTime += ms(r.duration);
    this.log([...counts, `${say(runLng, 'duration', { total: duration(ms(testRunDuration)), steps: duration(stepTime) })}\n`].join('\n'));
  }

  override logIssues({ issues, title }: { issues: Attempt[]; title: string }): void {
    this.log(`${title}:\n\n`);
    issues.forEach((a, i) => this.log(this.issue(a, i + 1)));
  }

  private issue(a: Attempt, n: number): string {
    const lng = languageOf(a);
    const parsed = formatterHelpers.parseTestCaseAttempt({ testCaseAttempt: a, snippetBuilder: this.snippetBuilder, supportCodeLibrary: this.supportCodeLibrary });
    const attempt = parsed.testCase.attempt > 0 || a.willBeRetried ? ` (${say(lng, a.willBeRetried ? 'attemptRetried' : 'attempt', { n: parsed.testCase.attempt + 1 })})` : '';
    const where = parsed.testCase.sourceLocation ? ` # ${this.colorFns.location(formatterHelpers.formatLocation(parsed.testCase.sourceLocation))}` : '';
    let text = `${n}) ${scenarioKeyword(a)}: ${parsed.testCase.name}${attempt}${where}\n`;
    const ast = gherkinSteps(a);
    // parseTestCaseAttempt keeps the order of testCase.testSteps
    parsed.testSteps.forEach((step, i) => {
      const pickleStep = a.pickle.steps.find((p) => p.id === a.testCase.testSteps[i]?.pickleStepId);
      const gherkin = ast.get(pickleStep?.astNodeIds[0] ?? '');
      const status = step.result.status;
      const color = this.colorFns.forStatus(status);
      // hooks have no step text; cucumber names them 'Before'/'After'
      const label = step.text === undefined ? say(lng, step.keyword === 'Before' ? 'before' : 'after') : `${step.keyword}${step.text}`;
      let line = color(`${SYMBOL[status] ?? ' '} ${label}`);
      if (step.actionLocation) line += ` # ${this.colorFns.location(formatterHelpers.formatLocation(step.actionLocation))}`;
      let block = `${line}\n`;
      if (step.argument?.dataTable) block += indent(color(step.argument.dataTable.rows.map((r) => `| ${r.cells.map((c) => c.value).join(' | ')} |`).join('\n')), 4) + '\n';
      if (step.argument?.docString) block += indent(color(`"""\n${step.argument.docString.content}\n"""`), 4) + '\n';
      if (this.printAttachments) {
        for (const att of step.attachments) {
          const detail = att.mediaType === 'text/plain' ? `: ${att.body}` : att.fileName ? `: ${att.fileName}` : '';
          block += indent(`${say(lng, 'attachment', { type: att.mediaType })}${detail}`, 4) + '\n';
        }
      }
      const help = step.result.status === 'UNDEFINED' && pickleStep && gherkin
        ? undefinedHelp(lng, pickleStep.text, gherkin.keyword, allowedClauses(lng, (gherkin.keywordType ?? 'Unknown') as KeywordType, (pickleStep.type ?? 'Unknown') as StepType))
        : undefined;
      const message = this.stepMessage(lng, step.result, help ?? step.snippet);
      if (message) block += `${indent(color(message), 4)}\n`;
      text += indent(block, 3);
    });
    return `${text}\n`;
  }

  private stepMessage(lng: Lang, result: messages.TestStepResult, help: string | undefined): string {
    switch (result.status) {
      // the closest phrases of the feature's language for the step as written (snippets.ts gives the same help to
      // the HTML and message reports, from cucumber's expression of the step, the language guessed from its words)
      case 'UNDEFINED': return `${help ?? ''}\n`;
      case 'PENDING': return say(lng, 'pending');
      case 'AMBIGUOUS': {
        const m = result.message ?? '';
        return m.startsWith(AMBIGUOUS_HEAD) ? say(lng, 'ambiguous') + m.slice(AMBIGUOUS_HEAD.length) : m;
      }
      case 'FAILED': return result.message ?? ''; // the step library words its failures in the feature's language (world.ts)
      default: return '';
    }
  }

  /** "3 Szenarien (1 fehlgeschlagen, 2 bestanden)" and the same for steps, retried attempts not counted. */
  private counts(lng: Lang, attempts: readonly Attempt[]): string[] {
    const cases: Status[] = [];
    const steps: Status[] = [];
    for (const a of attempts) {
      if (a.willBeRetried) continue;
      cases.push(a.worstTestStepResult.status);
      for (const s of a.testCase.testSteps) if (s.pickleStepId) { const r = a.stepResults[s.id]; if (r) steps.push(r.status); }
    }
    const line = (kind: 'scenarios' | 'steps', list: readonly Status[]): string => {
      const head = say(lng, kind, { count: list.length });
      if (list.length === 0) return head;
      const parts = ORDER.filter((st) => list.includes(st)).map((st) => this.colorFns.forStatus(st)(`${list.filter((x) => x === st).length} ${say(lng, `status.${st.toLowerCase()}`)}`));
      return `${head} (${parts.join(', ')})`;
    };
    return [line('scenarios', cases), line('steps', steps)];
  }
}
