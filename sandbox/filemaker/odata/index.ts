export type * from './filter-ast';
export { FILTER_FUNCTIONS } from './filter-ast';
export { parseODataFilter } from './filter-parser';
export { FilterSyntaxError, tokenize, type Token, type TokenKind } from './filter-lexer';
export { ODataError } from './errors';
export { ODATA_ENDPOINT_NAMES, type ODataEndpointName } from './handler';
export type { ODataSettings } from './request';
export { keyNameOf } from './entity-model';
