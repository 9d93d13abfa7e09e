export { DisputeDetailPage } from './DisputeDetailPage';
export type { DisputeSection, DisputeSectionProps } from './detail/section';
export { SectionCard } from './detail/SectionCard';
export { Fact, Facts } from './detail/Facts';
export { refreshDisputeViews, useDisputeMutation } from './use-dispute-mutation';
export { DisputeListPage } from './DisputeListPage';
export { RegisterDisputePage } from './register/RegisterDisputePage';
export { AgreementPage } from './agreement/AgreementPage';
