/**
 * The simulated organization as the Web API's unbound functions describe it: who is calling (WhoAmI) and which
 * Dataverse version answers (RetrieveVersion). Shapes: use-web-api-functions.md and the WhoAmI/RetrieveVersion
 * function references (Microsoft.Dynamics.CRM.WhoAmIResponse, RetrieveVersionResponse).
 *
 * convention: the simulator does not authenticate, so there is one caller. Its ids are fixed constants, the same
 * on every start, for every store and every simulator instance, so that a client may cache them as it would for
 * a real organization.
 */
export const SIM_USER_ID = '3f2b6c1e-8d4a-4b7e-9c2f-5a1d0e7b4c11';
export const SIM_BUSINESS_UNIT_ID = '7a9e4d2c-1b3f-4e8a-a6d5-2c0b9f8e3d22';
export const SIM_ORGANIZATION_ID = 'b4c8e1f7-6a2d-4c9b-8e3f-9d7a5b1c0e33';

/** convention: a plausible build of Dataverse v9.2 (major.minor.build.revision, as RetrieveVersion reports it). */
export const SIM_DATAVERSE_VERSION = '9.2.25011.00180';

export interface UnboundFunction {
  /** The response type after `$metadata#` in `@odata.context`. */
  readonly responseType: string;
  readonly result: () => Readonly<Record<string, unknown>>;
}

/** The unbound functions the simulator serves, by name. */
export const unboundFunctions: Readonly<Record<string, UnboundFunction>> = {
  WhoAmI: {
    responseType: 'Microsoft.Dynamics.CRM.WhoAmIResponse',
    result: () => ({ BusinessUnitId: SIM_BUSINESS_UNIT_ID, UserId: SIM_USER_ID, OrganizationId: SIM_ORGANIZATION_ID }),
  },
  RetrieveVersion: {
    responseType: 'Microsoft.Dynamics.CRM.RetrieveVersionResponse',
    result: () => ({ Version: SIM_DATAVERSE_VERSION }),
  },
};

/** The function a path segment calls (`WhoAmI`, `WhoAmI()`, `RetrieveVersion()`), or undefined. */
export function unboundFunctionOf(segment: string): UnboundFunction | undefined {
  const m = /^([A-Za-z]+)(\(\))?$/.exec(segment);
  const name = m?.[1];
  return name !== undefined && Object.hasOwn(unboundFunctions, name) ? unboundFunctions[name] : undefined;
}
