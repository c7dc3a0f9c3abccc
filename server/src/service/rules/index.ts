import { Rule } from './rule';
import { unknownOption } from './unknownOption';
import { missingInclude } from './missingInclude';
import { includeLimit } from './includeLimit';
import { unknownPlugin } from './unknownPlugin';
import { undefinedPlaceholder } from './undefinedPlaceholder';
import { inlineComment } from './inlineComment';
import { unclosedBlock } from './unclosedBlock';
import { nestedBlock } from './nestedBlock';
import { unmatchedBlockEnd } from './unmatchedBlockEnd';
import { missingSection } from './missingSection';
import { entryOutsideSection } from './entryOutsideSection';
import { duplicateOption } from './duplicateOption';
import { unknownHookPhase } from './unknownHookPhase';
import { unknownHookAction } from './unknownHookAction';
import { malformedHook } from './malformedHook';
import { invalidValue } from './invalidValue';
import { terminatingOption } from './terminatingOption';
import { deprecatedOption } from './deprecatedOption';
import { runningAsRoot } from './runningAsRoot';
import { incompletePrivilegeDrop } from './incompletePrivilegeDrop';
import { noPrivilegeDrop } from './noPrivilegeDrop';
import { missingVacuum } from './missingVacuum';
import { pidfileBeforeDrop } from './pidfileBeforeDrop';
import { analysisLimit } from './analysisLimit';

/** Every diagnostic rule, in the order they run. Adding a rule: one file here, one line below. */
export const allRules: readonly Rule[] = [
  unknownOption,
  missingInclude,
  includeLimit,
  unknownPlugin,
  undefinedPlaceholder,
  inlineComment,
  unclosedBlock,
  nestedBlock,
  unmatchedBlockEnd,
  missingSection,
  entryOutsideSection,
  duplicateOption,
  unknownHookPhase,
  unknownHookAction,
  malformedHook,
  invalidValue,
  terminatingOption,
  deprecatedOption,
  runningAsRoot,
  incompletePrivilegeDrop,
  noPrivilegeDrop,
  missingVacuum,
  pidfileBeforeDrop,
  analysisLimit,
];

const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
