import type { HandlerMap } from '../rpc/handler';
import { acceptDispute, rejectDispute } from './register/acceptance';
import { recordFollowUp, recordJudicialConfirmation } from './agreement/aftercare';
import { recordAgreement, saveAgreementDraft } from './agreement/agreement';
import { closeDispute, recordFailure, terminateMediation } from './sessions/conclusion';
import { disputeDetail } from './dispute/detail';
import { escalateDispute } from './escalation/escalation';
import { acknowledgeNotice, revealParty, saveParty } from './register/parties';
import * as print from './agreement/print';
import { dashboard, disputesOfResident, listDisputeSummaries } from './list/list-service';
import { referenceForScreens } from './dispute/reference';
import { registerDispute, updateDispute } from './register/register';
import { riskFlags } from './escalation/risk';
import { createMediator, listMediators, setMediatorActive, updateMediator } from './roster/roster';
import { extendDeadline, recordSession } from './sessions/sessions';
import { getSettings, updateSettings } from './roster/settings';
import { mediationStats } from './stats/stats';
import { monthlyReport } from './stats/stats-excel';
import { assignMediators, suggestMediators } from './roster/team';

export const mediationHandlers: HandlerMap = {
  'mediation.register': (ctx, input) => registerDispute(ctx, input),
  'mediation.update': (ctx, input) => updateDispute(ctx, input),
  'mediation.saveParty': (ctx, input) => saveParty(ctx, input),
  'mediation.acknowledgeNotice': (ctx, input) => acknowledgeNotice(ctx, input),
  'mediation.accept': (ctx, input) => acceptDispute(ctx, input),
  'mediation.reject': (ctx, input) => rejectDispute(ctx, input),
  'mediation.get': (ctx, input) => disputeDetail(ctx, input.disputeId),
  'mediation.list': (ctx, input) => listDisputeSummaries(ctx, input),
  'mediation.revealParty': (ctx, input) => revealParty(ctx, input),
  'mediation.ofResident': (ctx, input) => disputesOfResident(ctx, input.residentId),
  'mediation.dashboard': (ctx) => dashboard(ctx),
  'mediation.reference': (ctx) => referenceForScreens(ctx.rt),

  'mediators.list': (ctx, input) => listMediators(ctx, input),
  'mediators.create': (ctx, input) => createMediator(ctx, input),
  'mediators.update': (ctx, input) => updateMediator(ctx, input),
  'mediators.setActive': (ctx, input) => setMediatorActive(ctx, input),
  'mediation.suggestMediators': (ctx, input) => suggestMediators(ctx, input.disputeId),
  'mediation.assignMediators': (ctx, input) => assignMediators(ctx, input),

  'mediation.recordSession': (ctx, input) => recordSession(ctx, input),
  'mediation.extendDeadline': (ctx, input) => extendDeadline(ctx, input),

  'mediation.saveAgreementDraft': (ctx, input) => saveAgreementDraft(ctx, input),
  'mediation.recordAgreement': (ctx, input) => recordAgreement(ctx, input),
  'mediation.recordFailure': (ctx, input) => recordFailure(ctx, input),
  'mediation.terminate': (ctx, input) => terminateMediation(ctx, input),
  'mediation.escalate': (ctx, input) => escalateDispute(ctx, input),
  'mediation.recordJudicialConfirmation': (ctx, input) => recordJudicialConfirmation(ctx, input),
  'mediation.recordFollowUp': (ctx, input) => recordFollowUp(ctx, input),
  'mediation.close': (ctx, input) => closeDispute(ctx, input),

  'mediation.printNotice': (ctx, input) => print.printNotice(ctx, input.disputeId),
  'mediation.printSessionRecord': (ctx, input) => print.printSessionRecord(ctx, input.sessionId),
  'mediation.printAgreement': (ctx, input) => print.printAgreement(ctx, input.disputeId),
  'mediation.printJudicialCover': (ctx, input) => print.printJudicialCover(ctx, input.disputeId),
  'mediation.printFollowUp': (ctx, input) => print.printFollowUp(ctx, input.followUpId),
  'mediation.recordPrint': (ctx, input) => print.recordMediationPrint(ctx, input),

  'mediation.stats': (ctx, input) => mediationStats(ctx, input),
  'mediation.statsExcel': (ctx, input) => monthlyReport(ctx, input.month),
  'mediation.riskFlags': (ctx) => riskFlags(ctx),
  'mediation.getSettings': (ctx) => getSettings(ctx),
  'mediation.updateSettings': (ctx, input) => updateSettings(ctx, input),
};
