import type { DisputeDetail } from '@shared/api';
import type { ComponentType } from 'react';

export interface DisputeSectionProps {
  /** The case file as mediation.get answers it; refreshed after every change. */
  dispute: DisputeDetail;
}

/** One part of the case file page; DisputeDetailPage lists them in order. */
export interface DisputeSection {
  /** Anchor of the section (#parties) and React key. */
  key: string;
  /** Heading, and its entry in the page's table of contents. */
  title: string;
  /** Whether this case has anything for the section yet; shown always when left out. */
  visible?: (dispute: DisputeDetail) => boolean;
  Component: ComponentType<DisputeSectionProps>;
}
