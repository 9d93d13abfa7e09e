export { CountyReferencePublish } from './CountyReferencePublish';
export { PublishRosterButton } from './PublishRosterButton';
