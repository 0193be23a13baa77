/**
 * The error codes Dataverse gives for FetchXML it refuses (Learn: powerapps-docs
 * developer/data-platform/reference/web-service-error-codes.md, the QueryBuilder* and InvalidXml entries;
 * aggregate limit: fetchxml/aggregate-data.md "Limitations"). The Web API answers them with status 400.
 * Messages are ours, in locales/<lng>/errors.json under `fetchxml`.
 */
import { SimError } from '../../errors.js';

export const FX = {
  InvalidXml: '0x80040201',
  NoEntity: '0x80041102',
  NoAttribute: '0x80041103',
  BadCondition: '0x80041106',
  AttributeWithAggregate: '0x80041107',
  InvalidValue: '0x80041108',
  InvalidAlias: '0x80041109',
  ValueGreaterThanZero: '0x8004110c',
  InvalidDistinct: '0x80041115',
  InvalidMapping: '0x80041116',
  InvalidLinkType: '0x80041117',
  InvalidDescending: '0x80041119',
  InvalidAggregate: '0x8004111a',
  InvalidNode: '0x8004111c',
  AttributeNotFound: '0x8004111e',
  InvalidConditionOperator: '0x80041120',
  InvalidFilterType: '0x80041122',
  ElementNotFound: '0x80041123',
  EntitiesDontMatch: '0x80041128',
  InvalidPagingCookie: '0x8004112a',
  InvalidGroupBy: '0x8004112e',
  InvalidAggregateAttribute: '0x8004112f',
  DuplicateAlias: '0x80041130',
  AttributeNotAllowedForAggregateOrderBy: '0x80041131',
  AliasNotAllowedForNonAggregateOrderBy: '0x80041132',
  AttributeRequiredForNonAggregateOrderBy: '0x80041133',
  AliasRequiredForAggregateOrderBy: '0x80041134',
  InvalidDateGrouping: '0x80041135',
  AttributeCannotBeGroupByAndAggregate: '0x80041137',
  AggregateQueryRecordLimitExceeded: '0x8004e023',
  /** Learn: fetchxml/join-tables.md "Limitations": more than 15 link-entity elements. */
  LinkEntityLimitExceeded: '0x8004430d',
  QueryBuilderUnexpected: '0x80041101',
} as const;

export const fxError = (code: string, key: string, params: Record<string, string | number> = {}, status = 400): SimError =>
  new SimError(status, code, `fetchxml.${key}`, params);
