// The audit log's vocabulary: every action code written anywhere, with the key
// of its human label (namespace "audit", actions.*), and the entity types.
// Isomorphic: the admin page's filter uses it; lib/audit/actions.test.ts checks
// that every code written in lib/ is listed here.

export const AUDIT_ACTIONS = {
  // Authentication
  "auth.sign_in": "signIn",
  "auth.sign_in_failed": "signInFailed",
  "auth.sign_out": "signOut",
  "auth.password_reset_requested": "passwordResetRequested",
  "auth.reauth_failed": "reauthFailed",
  // Authorisation failures
  "authz.denied": "accessDenied",
  "api.token_refused": "apiTokenRefused",
  // Accounts
  "user.register": "register",
  "user.email_verified": "emailVerified",
  "user.password_reset": "passwordReset",
  "user.password_changed": "passwordChanged",
  "user.email_change_requested": "emailChangeRequested",
  "user.email_changed": "emailChanged",
  "user.logout_everywhere": "logoutEverywhere",
  "user.deleted": "accountDeleted",
  "user.data_exported": "dataExported",
  "user.disable": "userDisable",
  "user.enable": "userEnable",
  "user.role.change": "roleChange",
  "user.create_admin": "createAdmin",
  "user.update_admin": "updateAdmin",
  // Invitations
  "invitation.create": "invitationCreate",
  "invitation.revoke": "invitationRevoke",
  "invitation.accept": "invitationAccept",
  // Organisations
  "organisation.create": "organisationCreate",
  "organisation.update": "organisationUpdate",
  "organisation.consent": "organisationConsent",
  "organisations.import": "organisationsImport",
  // Opportunities and themes
  "opportunity.create": "opportunityCreate",
  "opportunity.update": "opportunityUpdate",
  "opportunity.publish": "opportunityPublish",
  "opportunity.close": "opportunityClose",
  "opportunity.reopen": "opportunityReopen",
  "theme.keywords": "themeKeywords",
  // Expressions of interest
  "interest.startReview": "interestStartReview",
  "interest.requestInfo": "interestRequestInfo",
  "interest.shortlist": "interestShortlist",
  "interest.accept": "interestAccept",
  "interest.decline": "interestDecline",
  "interest.assign": "interestAssign",
  "interest.note": "interestNote",
  "interests.export": "interestsExport",
  "interestInvite.create": "interestInviteCreate",
  // API tokens
  "apiToken.create": "apiTokenCreate",
  "apiToken.revoke": "apiTokenRevoke",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditActionLabel = (typeof AUDIT_ACTIONS)[AuditAction];

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

/** The label key of a code, or null for a code this version does not know. */
export function auditActionLabel(code: string): AuditActionLabel | null {
  return isAuditAction(code) ? AUDIT_ACTIONS[code] : null;
}

export const AUDIT_ENTITY_TYPES = [
  "User",
  "Organisation",
  "Opportunity",
  "Theme",
  "ExpressionOfInterest",
  "Invitation",
  "InterestInvite",
  "ApiToken",
  "ImportRun",
  // Where an authorisation failure happened (authz.denied).
  "Page",
  "Action",
  "Route",
  "Request",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
