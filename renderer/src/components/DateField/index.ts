export { DateField } from './DateField';
export { parseTypedDate } from './parse-typed-date';
