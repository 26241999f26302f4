//! IAM types generated from botocore's `iam/2010-05-08/service-2.json` model (botocore 1.43.11).
//!
//! Do not edit: run `python3 tools/codegen/gen_query.py` (checked by
//! `tools/codegen/check.sh`). Operations, their inputs with `from_query` (api.md §1.2, §1.6),
//! their outputs with `write_xml` (api.md §1.3, §1.4) and the modelled errors (Appendix B).

use std::collections::BTreeMap;
use std::fmt;

use crate::decode::QueryParams;
use crate::encode::{Timestamp, WriteXml, XmlWriter};
use crate::error::ServiceError;
use crate::validate::{Decoder, IntRule, ListRule, Pattern, StringRule, ValidationErrors, compile};
use crate::{FromQuery, OutputKind, Service};

/// Every IAM operation of the model, alphabetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IamOperation {
    /// Accepts a delegation request, granting the requested temporary access.
    AcceptDelegationRequest,
    /// Adds a new client ID (also known as audience) to the list of client IDs already registered for the specified IAM OpenID Connect (OIDC) provider resource.
    AddClientIDToOpenIDConnectProvider,
    /// Adds the specified IAM role to the specified instance profile.
    AddRoleToInstanceProfile,
    /// Adds the specified user to the specified group.
    AddUserToGroup,
    /// Associates a delegation request with the current identity.
    AssociateDelegationRequest,
    /// Attaches the specified managed policy to the specified IAM group.
    AttachGroupPolicy,
    /// Attaches the specified managed policy to the specified IAM role.
    AttachRolePolicy,
    /// Attaches the specified managed policy to the specified user.
    AttachUserPolicy,
    /// Changes the password of the IAM user who is calling this operation.
    ChangePassword,
    /// Creates a new Amazon Web Services secret access key and corresponding Amazon Web Services access key ID for the specified user.
    CreateAccessKey,
    /// Creates an alias for your Amazon Web Services account.
    CreateAccountAlias,
    /// Creates an IAM delegation request for temporary access delegation.
    CreateDelegationRequest,
    /// Creates a new group.
    CreateGroup,
    /// Creates a new instance profile.
    CreateInstanceProfile,
    /// Creates a password for the specified IAM user.
    CreateLoginProfile,
    /// Creates an IAM entity to describe an identity provider (IdP) that supports OpenID Connect (OIDC) .
    CreateOpenIDConnectProvider,
    /// Creates a new managed policy for your Amazon Web Services account.
    CreatePolicy,
    /// Creates a new version of the specified managed policy.
    CreatePolicyVersion,
    /// Creates a new role for your Amazon Web Services account.
    CreateRole,
    /// Creates an IAM resource that describes an identity provider (IdP) that supports SAML 2.0.
    CreateSAMLProvider,
    /// Creates an IAM role that is linked to a specific Amazon Web Services service.
    CreateServiceLinkedRole,
    /// Generates a set of credentials consisting of a user name and password that can be used to access the service specified in the request.
    CreateServiceSpecificCredential,
    /// Creates a new IAM user for your Amazon Web Services account.
    CreateUser,
    /// Creates a new virtual MFA device for the Amazon Web Services account.
    CreateVirtualMFADevice,
    /// Deactivates the specified MFA device and removes it from association with the user name for which it was originally enabled.
    DeactivateMFADevice,
    /// Deletes the access key pair associated with the specified IAM user.
    DeleteAccessKey,
    /// Deletes the specified Amazon Web Services account alias.
    DeleteAccountAlias,
    /// Deletes the password policy for the Amazon Web Services account.
    DeleteAccountPasswordPolicy,
    /// Deletes the specified IAM group.
    DeleteGroup,
    /// Deletes the specified inline policy that is embedded in the specified IAM group.
    DeleteGroupPolicy,
    /// Deletes the specified instance profile.
    DeleteInstanceProfile,
    /// Deletes the password for the specified IAM user or root user, For more information, see Managing passwords for IAM users .
    DeleteLoginProfile,
    /// Deletes an OpenID Connect identity provider (IdP) resource object in IAM.
    DeleteOpenIDConnectProvider,
    /// Deletes the specified managed policy.
    DeletePolicy,
    /// Deletes the specified version from the specified managed policy.
    DeletePolicyVersion,
    /// Deletes the specified role.
    DeleteRole,
    /// Deletes the permissions boundary for the specified IAM role.
    DeleteRolePermissionsBoundary,
    /// Deletes the specified inline policy that is embedded in the specified IAM role.
    DeleteRolePolicy,
    /// Deletes a SAML provider resource in IAM.
    DeleteSAMLProvider,
    /// Deletes the specified SSH public key.
    DeleteSSHPublicKey,
    /// Deletes the specified server certificate.
    DeleteServerCertificate,
    /// Submits a service-linked role deletion request and returns a DeletionTaskId , which you can use to check the status of the deletion.
    DeleteServiceLinkedRole,
    /// Deletes the specified service-specific credential.
    DeleteServiceSpecificCredential,
    /// Deletes a signing certificate associated with the specified IAM user.
    DeleteSigningCertificate,
    /// Deletes the specified IAM user.
    DeleteUser,
    /// Deletes the permissions boundary for the specified IAM user.
    DeleteUserPermissionsBoundary,
    /// Deletes the specified inline policy that is embedded in the specified IAM user.
    DeleteUserPolicy,
    /// Deletes a virtual MFA device.
    DeleteVirtualMFADevice,
    /// Removes the specified managed policy from the specified IAM group.
    DetachGroupPolicy,
    /// Removes the specified managed policy from the specified role.
    DetachRolePolicy,
    /// Removes the specified managed policy from the specified user.
    DetachUserPolicy,
    /// Disables the management of privileged root user credentials across member accounts in your organization.
    DisableOrganizationsRootCredentialsManagement,
    /// Disables root user sessions for privileged tasks across member accounts in your organization.
    DisableOrganizationsRootSessions,
    /// Disables the outbound identity federation feature for your Amazon Web Services account.
    DisableOutboundWebIdentityFederation,
    /// Enables the specified MFA device and associates it with the specified IAM user.
    EnableMFADevice,
    /// Enables the management of privileged root user credentials across member accounts in your organization.
    EnableOrganizationsRootCredentialsManagement,
    /// Allows the management account or delegated administrator to perform privileged tasks on member accounts in your organization.
    EnableOrganizationsRootSessions,
    /// Enables the outbound identity federation feature for your Amazon Web Services account.
    EnableOutboundWebIdentityFederation,
    /// Generates a credential report for the Amazon Web Services account.
    GenerateCredentialReport,
    /// Generates a report for service last accessed data for Organizations.
    GenerateOrganizationsAccessReport,
    /// Generates a report that includes details about when an IAM resource (user, group, role, or policy) was last used in an attempt to access Amazon Web Services services.
    GenerateServiceLastAccessedDetails,
    /// Retrieves information about when the specified access key was last used.
    GetAccessKeyLastUsed,
    /// Retrieves information about all IAM users, groups, roles, and policies in your Amazon Web Services account, including their relationships to one another.
    GetAccountAuthorizationDetails,
    /// Retrieves the password policy for the Amazon Web Services account.
    GetAccountPasswordPolicy,
    /// Retrieves information about IAM entity usage and IAM quotas in the Amazon Web Services account.
    GetAccountSummary,
    /// Gets a list of all of the context keys referenced in the input policies.
    GetContextKeysForCustomPolicy,
    /// Gets a list of all of the context keys referenced in all the IAM policies that are attached to the specified IAM entity.
    GetContextKeysForPrincipalPolicy,
    /// Retrieves a credential report for the Amazon Web Services account.
    GetCredentialReport,
    /// Retrieves information about a specific delegation request.
    GetDelegationRequest,
    /// Returns a list of IAM users that are in the specified IAM group.
    GetGroup,
    /// Retrieves the specified inline policy document that is embedded in the specified IAM group.
    GetGroupPolicy,
    /// Retrieves a human readable summary for a given entity.
    GetHumanReadableSummary,
    /// Retrieves information about the specified instance profile, including the instance profile's path, GUID, ARN, and role.
    GetInstanceProfile,
    /// Retrieves the user name for the specified IAM user.
    GetLoginProfile,
    /// Retrieves information about an MFA device for a specified user.
    GetMFADevice,
    /// Returns information about the specified OpenID Connect (OIDC) provider resource object in IAM.
    GetOpenIDConnectProvider,
    /// Retrieves the service last accessed data report for Organizations that was previously generated using the GenerateOrganizationsAccessReport operation.
    GetOrganizationsAccessReport,
    /// Retrieves the configuration information for the outbound identity federation feature in your Amazon Web Services account.
    GetOutboundWebIdentityFederationInfo,
    /// Retrieves information about the specified managed policy, including the policy's default version and the total number of IAM users, groups, and roles to which the policy is attached.
    GetPolicy,
    /// Retrieves information about the specified version of the specified managed policy, including the policy document.
    GetPolicyVersion,
    /// Retrieves information about the specified role, including the role's path, GUID, ARN, and the role's trust policy that grants permission to assume the role.
    GetRole,
    /// Retrieves the specified inline policy document that is embedded with the specified IAM role.
    GetRolePolicy,
    /// Returns the SAML provider metadocument that was uploaded when the IAM SAML provider resource object was created or updated.
    GetSAMLProvider,
    /// Retrieves the specified SSH public key, including metadata about the key.
    GetSSHPublicKey,
    /// Retrieves information about the specified server certificate stored in IAM.
    GetServerCertificate,
    /// Retrieves a service last accessed report that was created using the GenerateServiceLastAccessedDetails operation.
    GetServiceLastAccessedDetails,
    /// After you generate a group or policy report using the GenerateServiceLastAccessedDetails operation, you can use the JobId parameter in GetServiceLastAccessedDetailsWithEntities .
    GetServiceLastAccessedDetailsWithEntities,
    /// Retrieves the status of your service-linked role deletion.
    GetServiceLinkedRoleDeletionStatus,
    /// Retrieves information about the specified IAM user, including the user's creation date, path, unique ID, and ARN.
    GetUser,
    /// Retrieves the specified inline policy document that is embedded in the specified IAM user.
    GetUserPolicy,
    /// Returns information about the access key IDs associated with the specified IAM user.
    ListAccessKeys,
    /// Lists the account alias associated with the Amazon Web Services account (Note: you can have only one).
    ListAccountAliases,
    /// Lists all managed policies that are attached to the specified IAM group.
    ListAttachedGroupPolicies,
    /// Lists all managed policies that are attached to the specified IAM role.
    ListAttachedRolePolicies,
    /// Lists all managed policies that are attached to the specified IAM user.
    ListAttachedUserPolicies,
    /// Lists delegation requests based on the specified criteria.
    ListDelegationRequests,
    /// Lists all IAM users, groups, and roles that the specified managed policy is attached to.
    ListEntitiesForPolicy,
    /// Lists the names of the inline policies that are embedded in the specified IAM group.
    ListGroupPolicies,
    /// Lists the IAM groups that have the specified path prefix.
    ListGroups,
    /// Lists the IAM groups that the specified IAM user belongs to.
    ListGroupsForUser,
    /// Lists the tags that are attached to the specified IAM instance profile.
    ListInstanceProfileTags,
    /// Lists the instance profiles that have the specified path prefix.
    ListInstanceProfiles,
    /// Lists the instance profiles that have the specified associated IAM role.
    ListInstanceProfilesForRole,
    /// Lists the tags that are attached to the specified IAM virtual multi-factor authentication (MFA) device.
    ListMFADeviceTags,
    /// Lists the MFA devices for an IAM user.
    ListMFADevices,
    /// Lists the tags that are attached to the specified OpenID Connect (OIDC)-compatible identity provider.
    ListOpenIDConnectProviderTags,
    /// Lists information about the IAM OpenID Connect (OIDC) provider resource objects defined in the Amazon Web Services account.
    ListOpenIDConnectProviders,
    /// Lists the centralized root access features enabled for your organization.
    ListOrganizationsFeatures,
    /// Lists all the managed policies that are available in your Amazon Web Services account, including your own customer-defined managed policies and all Amazon Web Services managed policies.
    ListPolicies,
    /// Retrieves a list of policies that the IAM identity (user, group, or role) can use to access each specified service.
    ListPoliciesGrantingServiceAccess,
    /// Lists the tags that are attached to the specified IAM customer managed policy.
    ListPolicyTags,
    /// Lists information about the versions of the specified managed policy, including the version that is currently set as the policy's default version.
    ListPolicyVersions,
    /// Lists the names of the inline policies that are embedded in the specified IAM role.
    ListRolePolicies,
    /// Lists the tags that are attached to the specified role.
    ListRoleTags,
    /// Lists the IAM roles that have the specified path prefix.
    ListRoles,
    /// Lists the tags that are attached to the specified Security Assertion Markup Language (SAML) identity provider.
    ListSAMLProviderTags,
    /// Lists the SAML provider resource objects defined in IAM in the account.
    ListSAMLProviders,
    /// Returns information about the SSH public keys associated with the specified IAM user.
    ListSSHPublicKeys,
    /// Lists the tags that are attached to the specified IAM server certificate.
    ListServerCertificateTags,
    /// Lists the server certificates stored in IAM that have the specified path prefix.
    ListServerCertificates,
    /// Returns information about the service-specific credentials associated with the specified IAM user.
    ListServiceSpecificCredentials,
    /// Returns information about the signing certificates associated with the specified IAM user.
    ListSigningCertificates,
    /// Lists the names of the inline policies embedded in the specified IAM user.
    ListUserPolicies,
    /// Lists the tags that are attached to the specified IAM user.
    ListUserTags,
    /// Lists the IAM users that have the specified path prefix.
    ListUsers,
    /// Lists the virtual MFA devices defined in the Amazon Web Services account by assignment status.
    ListVirtualMFADevices,
    /// Adds or updates an inline policy document that is embedded in the specified IAM group.
    PutGroupPolicy,
    /// Adds or updates the policy that is specified as the IAM role's permissions boundary.
    PutRolePermissionsBoundary,
    /// Adds or updates an inline policy document that is embedded in the specified IAM role.
    PutRolePolicy,
    /// Adds or updates the policy that is specified as the IAM user's permissions boundary.
    PutUserPermissionsBoundary,
    /// Adds or updates an inline policy document that is embedded in the specified IAM user.
    PutUserPolicy,
    /// Rejects a delegation request, denying the requested temporary access.
    RejectDelegationRequest,
    /// Removes the specified client ID (also known as audience) from the list of client IDs registered for the specified IAM OpenID Connect (OIDC) provider resource object.
    RemoveClientIDFromOpenIDConnectProvider,
    /// Removes the specified IAM role from the specified Amazon EC2 instance profile.
    RemoveRoleFromInstanceProfile,
    /// Removes the specified user from the specified group.
    RemoveUserFromGroup,
    /// Resets the password for a service-specific credential.
    ResetServiceSpecificCredential,
    /// Synchronizes the specified MFA device with its IAM resource object on the Amazon Web Services servers.
    ResyncMFADevice,
    /// Sends the exchange token for an accepted delegation request.
    SendDelegationToken,
    /// Sets the specified version of the specified policy as the policy's default (operative) version.
    SetDefaultPolicyVersion,
    /// Sets the specified version of the global endpoint token as the token version used for the Amazon Web Services account.
    SetSecurityTokenServicePreferences,
    /// Simulate how a set of IAM policies and optionally a resource-based policy works with a list of API operations and Amazon Web Services resources to determine the policies' effective permissions.
    SimulateCustomPolicy,
    /// Simulate how a set of IAM policies attached to an IAM entity works with a list of API operations and Amazon Web Services resources to determine the policies' effective permissions.
    SimulatePrincipalPolicy,
    /// Adds one or more tags to an IAM instance profile.
    TagInstanceProfile,
    /// Adds one or more tags to an IAM virtual multi-factor authentication (MFA) device.
    TagMFADevice,
    /// Adds one or more tags to an OpenID Connect (OIDC)-compatible identity provider.
    TagOpenIDConnectProvider,
    /// Adds one or more tags to an IAM customer managed policy.
    TagPolicy,
    /// Adds one or more tags to an IAM role.
    TagRole,
    /// Adds one or more tags to a Security Assertion Markup Language (SAML) identity provider.
    TagSAMLProvider,
    /// Adds one or more tags to an IAM server certificate.
    TagServerCertificate,
    /// Adds one or more tags to an IAM user.
    TagUser,
    /// Removes the specified tags from the IAM instance profile.
    UntagInstanceProfile,
    /// Removes the specified tags from the IAM virtual multi-factor authentication (MFA) device.
    UntagMFADevice,
    /// Removes the specified tags from the specified OpenID Connect (OIDC)-compatible identity provider in IAM.
    UntagOpenIDConnectProvider,
    /// Removes the specified tags from the customer managed policy.
    UntagPolicy,
    /// Removes the specified tags from the role.
    UntagRole,
    /// Removes the specified tags from the specified Security Assertion Markup Language (SAML) identity provider in IAM.
    UntagSAMLProvider,
    /// Removes the specified tags from the IAM server certificate.
    UntagServerCertificate,
    /// Removes the specified tags from the user.
    UntagUser,
    /// Changes the status of the specified access key from Active to Inactive, or vice versa.
    UpdateAccessKey,
    /// Updates the password policy settings for the Amazon Web Services account.
    UpdateAccountPasswordPolicy,
    /// Updates the policy that grants an IAM entity permission to assume a role.
    UpdateAssumeRolePolicy,
    /// Updates an existing delegation request with additional information.
    UpdateDelegationRequest,
    /// Updates the name and/or the path of the specified IAM group.
    UpdateGroup,
    /// Changes the password for the specified IAM user.
    UpdateLoginProfile,
    /// Replaces the existing list of server certificate thumbprints associated with an OpenID Connect (OIDC) provider resource object with a new list of thumbprints.
    UpdateOpenIDConnectProviderThumbprint,
    /// Updates the description or maximum session duration setting of a role.
    UpdateRole,
    /// Use UpdateRole instead.
    UpdateRoleDescription,
    /// Updates the metadata document, SAML encryption settings, and private keys for an existing SAML provider.
    UpdateSAMLProvider,
    /// Sets the status of an IAM user's SSH public key to active or inactive.
    UpdateSSHPublicKey,
    /// Updates the name and/or the path of the specified server certificate stored in IAM.
    UpdateServerCertificate,
    /// Sets the status of a service-specific credential to Active or Inactive .
    UpdateServiceSpecificCredential,
    /// Changes the status of the specified user signing certificate from active to disabled, or vice versa.
    UpdateSigningCertificate,
    /// Updates the name and/or the path of the specified IAM user.
    UpdateUser,
    /// Uploads an SSH public key and associates it with the specified IAM user.
    UploadSSHPublicKey,
    /// Uploads a server certificate entity for the Amazon Web Services account.
    UploadServerCertificate,
    /// Uploads an X.509 signing certificate and associates it with the specified IAM user.
    UploadSigningCertificate,
}

impl IamOperation {
    /// All 176 operations, alphabetical.
    pub const ALL: [Self; 176] = [
        Self::AcceptDelegationRequest,
        Self::AddClientIDToOpenIDConnectProvider,
        Self::AddRoleToInstanceProfile,
        Self::AddUserToGroup,
        Self::AssociateDelegationRequest,
        Self::AttachGroupPolicy,
        Self::AttachRolePolicy,
        Self::AttachUserPolicy,
        Self::ChangePassword,
        Self::CreateAccessKey,
        Self::CreateAccountAlias,
        Self::CreateDelegationRequest,
        Self::CreateGroup,
        Self::CreateInstanceProfile,
        Self::CreateLoginProfile,
        Self::CreateOpenIDConnectProvider,
        Self::CreatePolicy,
        Self::CreatePolicyVersion,
        Self::CreateRole,
        Self::CreateSAMLProvider,
        Self::CreateServiceLinkedRole,
        Self::CreateServiceSpecificCredential,
        Self::CreateUser,
        Self::CreateVirtualMFADevice,
        Self::DeactivateMFADevice,
        Self::DeleteAccessKey,
        Self::DeleteAccountAlias,
        Self::DeleteAccountPasswordPolicy,
        Self::DeleteGroup,
        Self::DeleteGroupPolicy,
        Self::DeleteInstanceProfile,
        Self::DeleteLoginProfile,
        Self::DeleteOpenIDConnectProvider,
        Self::DeletePolicy,
        Self::DeletePolicyVersion,
        Self::DeleteRole,
        Self::DeleteRolePermissionsBoundary,
        Self::DeleteRolePolicy,
        Self::DeleteSAMLProvider,
        Self::DeleteSSHPublicKey,
        Self::DeleteServerCertificate,
        Self::DeleteServiceLinkedRole,
        Self::DeleteServiceSpecificCredential,
        Self::DeleteSigningCertificate,
        Self::DeleteUser,
        Self::DeleteUserPermissionsBoundary,
        Self::DeleteUserPolicy,
        Self::DeleteVirtualMFADevice,
        Self::DetachGroupPolicy,
        Self::DetachRolePolicy,
        Self::DetachUserPolicy,
        Self::DisableOrganizationsRootCredentialsManagement,
        Self::DisableOrganizationsRootSessions,
        Self::DisableOutboundWebIdentityFederation,
        Self::EnableMFADevice,
        Self::EnableOrganizationsRootCredentialsManagement,
        Self::EnableOrganizationsRootSessions,
        Self::EnableOutboundWebIdentityFederation,
        Self::GenerateCredentialReport,
        Self::GenerateOrganizationsAccessReport,
        Self::GenerateServiceLastAccessedDetails,
        Self::GetAccessKeyLastUsed,
        Self::GetAccountAuthorizationDetails,
        Self::GetAccountPasswordPolicy,
        Self::GetAccountSummary,
        Self::GetContextKeysForCustomPolicy,
        Self::GetContextKeysForPrincipalPolicy,
        Self::GetCredentialReport,
        Self::GetDelegationRequest,
        Self::GetGroup,
        Self::GetGroupPolicy,
        Self::GetHumanReadableSummary,
        Self::GetInstanceProfile,
        Self::GetLoginProfile,
        Self::GetMFADevice,
        Self::GetOpenIDConnectProvider,
        Self::GetOrganizationsAccessReport,
        Self::GetOutboundWebIdentityFederationInfo,
        Self::GetPolicy,
        Self::GetPolicyVersion,
        Self::GetRole,
        Self::GetRolePolicy,
        Self::GetSAMLProvider,
        Self::GetSSHPublicKey,
        Self::GetServerCertificate,
        Self::GetServiceLastAccessedDetails,
        Self::GetServiceLastAccessedDetailsWithEntities,
        Self::GetServiceLinkedRoleDeletionStatus,
        Self::GetUser,
        Self::GetUserPolicy,
        Self::ListAccessKeys,
        Self::ListAccountAliases,
        Self::ListAttachedGroupPolicies,
        Self::ListAttachedRolePolicies,
        Self::ListAttachedUserPolicies,
        Self::ListDelegationRequests,
        Self::ListEntitiesForPolicy,
        Self::ListGroupPolicies,
        Self::ListGroups,
        Self::ListGroupsForUser,
        Self::ListInstanceProfileTags,
        Self::ListInstanceProfiles,
        Self::ListInstanceProfilesForRole,
        Self::ListMFADeviceTags,
        Self::ListMFADevices,
        Self::ListOpenIDConnectProviderTags,
        Self::ListOpenIDConnectProviders,
        Self::ListOrganizationsFeatures,
        Self::ListPolicies,
        Self::ListPoliciesGrantingServiceAccess,
        Self::ListPolicyTags,
        Self::ListPolicyVersions,
        Self::ListRolePolicies,
        Self::ListRoleTags,
        Self::ListRoles,
        Self::ListSAMLProviderTags,
        Self::ListSAMLProviders,
        Self::ListSSHPublicKeys,
        Self::ListServerCertificateTags,
        Self::ListServerCertificates,
        Self::ListServiceSpecificCredentials,
        Self::ListSigningCertificates,
        Self::ListUserPolicies,
        Self::ListUserTags,
        Self::ListUsers,
        Self::ListVirtualMFADevices,
        Self::PutGroupPolicy,
        Self::PutRolePermissionsBoundary,
        Self::PutRolePolicy,
        Self::PutUserPermissionsBoundary,
        Self::PutUserPolicy,
        Self::RejectDelegationRequest,
        Self::RemoveClientIDFromOpenIDConnectProvider,
        Self::RemoveRoleFromInstanceProfile,
        Self::RemoveUserFromGroup,
        Self::ResetServiceSpecificCredential,
        Self::ResyncMFADevice,
        Self::SendDelegationToken,
        Self::SetDefaultPolicyVersion,
        Self::SetSecurityTokenServicePreferences,
        Self::SimulateCustomPolicy,
        Self::SimulatePrincipalPolicy,
        Self::TagInstanceProfile,
        Self::TagMFADevice,
        Self::TagOpenIDConnectProvider,
        Self::TagPolicy,
        Self::TagRole,
        Self::TagSAMLProvider,
        Self::TagServerCertificate,
        Self::TagUser,
        Self::UntagInstanceProfile,
        Self::UntagMFADevice,
        Self::UntagOpenIDConnectProvider,
        Self::UntagPolicy,
        Self::UntagRole,
        Self::UntagSAMLProvider,
        Self::UntagServerCertificate,
        Self::UntagUser,
        Self::UpdateAccessKey,
        Self::UpdateAccountPasswordPolicy,
        Self::UpdateAssumeRolePolicy,
        Self::UpdateDelegationRequest,
        Self::UpdateGroup,
        Self::UpdateLoginProfile,
        Self::UpdateOpenIDConnectProviderThumbprint,
        Self::UpdateRole,
        Self::UpdateRoleDescription,
        Self::UpdateSAMLProvider,
        Self::UpdateSSHPublicKey,
        Self::UpdateServerCertificate,
        Self::UpdateServiceSpecificCredential,
        Self::UpdateSigningCertificate,
        Self::UpdateUser,
        Self::UploadSSHPublicKey,
        Self::UploadServerCertificate,
        Self::UploadSigningCertificate,
    ];

    /// The operation named by an `Action` parameter (case-sensitive).
    #[must_use]
    pub fn from_action(action: &str) -> Option<Self> {
        match action {
            "AcceptDelegationRequest" => Some(Self::AcceptDelegationRequest),
            "AddClientIDToOpenIDConnectProvider" => Some(Self::AddClientIDToOpenIDConnectProvider),
            "AddRoleToInstanceProfile" => Some(Self::AddRoleToInstanceProfile),
            "AddUserToGroup" => Some(Self::AddUserToGroup),
            "AssociateDelegationRequest" => Some(Self::AssociateDelegationRequest),
            "AttachGroupPolicy" => Some(Self::AttachGroupPolicy),
            "AttachRolePolicy" => Some(Self::AttachRolePolicy),
            "AttachUserPolicy" => Some(Self::AttachUserPolicy),
            "ChangePassword" => Some(Self::ChangePassword),
            "CreateAccessKey" => Some(Self::CreateAccessKey),
            "CreateAccountAlias" => Some(Self::CreateAccountAlias),
            "CreateDelegationRequest" => Some(Self::CreateDelegationRequest),
            "CreateGroup" => Some(Self::CreateGroup),
            "CreateInstanceProfile" => Some(Self::CreateInstanceProfile),
            "CreateLoginProfile" => Some(Self::CreateLoginProfile),
            "CreateOpenIDConnectProvider" => Some(Self::CreateOpenIDConnectProvider),
            "CreatePolicy" => Some(Self::CreatePolicy),
            "CreatePolicyVersion" => Some(Self::CreatePolicyVersion),
            "CreateRole" => Some(Self::CreateRole),
            "CreateSAMLProvider" => Some(Self::CreateSAMLProvider),
            "CreateServiceLinkedRole" => Some(Self::CreateServiceLinkedRole),
            "CreateServiceSpecificCredential" => Some(Self::CreateServiceSpecificCredential),
            "CreateUser" => Some(Self::CreateUser),
            "CreateVirtualMFADevice" => Some(Self::CreateVirtualMFADevice),
            "DeactivateMFADevice" => Some(Self::DeactivateMFADevice),
            "DeleteAccessKey" => Some(Self::DeleteAccessKey),
            "DeleteAccountAlias" => Some(Self::DeleteAccountAlias),
            "DeleteAccountPasswordPolicy" => Some(Self::DeleteAccountPasswordPolicy),
            "DeleteGroup" => Some(Self::DeleteGroup),
            "DeleteGroupPolicy" => Some(Self::DeleteGroupPolicy),
            "DeleteInstanceProfile" => Some(Self::DeleteInstanceProfile),
            "DeleteLoginProfile" => Some(Self::DeleteLoginProfile),
            "DeleteOpenIDConnectProvider" => Some(Self::DeleteOpenIDConnectProvider),
            "DeletePolicy" => Some(Self::DeletePolicy),
            "DeletePolicyVersion" => Some(Self::DeletePolicyVersion),
            "DeleteRole" => Some(Self::DeleteRole),
            "DeleteRolePermissionsBoundary" => Some(Self::DeleteRolePermissionsBoundary),
            "DeleteRolePolicy" => Some(Self::DeleteRolePolicy),
            "DeleteSAMLProvider" => Some(Self::DeleteSAMLProvider),
            "DeleteSSHPublicKey" => Some(Self::DeleteSSHPublicKey),
            "DeleteServerCertificate" => Some(Self::DeleteServerCertificate),
            "DeleteServiceLinkedRole" => Some(Self::DeleteServiceLinkedRole),
            "DeleteServiceSpecificCredential" => Some(Self::DeleteServiceSpecificCredential),
            "DeleteSigningCertificate" => Some(Self::DeleteSigningCertificate),
            "DeleteUser" => Some(Self::DeleteUser),
            "DeleteUserPermissionsBoundary" => Some(Self::DeleteUserPermissionsBoundary),
            "DeleteUserPolicy" => Some(Self::DeleteUserPolicy),
            "DeleteVirtualMFADevice" => Some(Self::DeleteVirtualMFADevice),
            "DetachGroupPolicy" => Some(Self::DetachGroupPolicy),
            "DetachRolePolicy" => Some(Self::DetachRolePolicy),
            "DetachUserPolicy" => Some(Self::DetachUserPolicy),
            "DisableOrganizationsRootCredentialsManagement" => {
                Some(Self::DisableOrganizationsRootCredentialsManagement)
            }
            "DisableOrganizationsRootSessions" => Some(Self::DisableOrganizationsRootSessions),
            "DisableOutboundWebIdentityFederation" => {
                Some(Self::DisableOutboundWebIdentityFederation)
            }
            "EnableMFADevice" => Some(Self::EnableMFADevice),
            "EnableOrganizationsRootCredentialsManagement" => {
                Some(Self::EnableOrganizationsRootCredentialsManagement)
            }
            "EnableOrganizationsRootSessions" => Some(Self::EnableOrganizationsRootSessions),
            "EnableOutboundWebIdentityFederation" => {
                Some(Self::EnableOutboundWebIdentityFederation)
            }
            "GenerateCredentialReport" => Some(Self::GenerateCredentialReport),
            "GenerateOrganizationsAccessReport" => Some(Self::GenerateOrganizationsAccessReport),
            "GenerateServiceLastAccessedDetails" => Some(Self::GenerateServiceLastAccessedDetails),
            "GetAccessKeyLastUsed" => Some(Self::GetAccessKeyLastUsed),
            "GetAccountAuthorizationDetails" => Some(Self::GetAccountAuthorizationDetails),
            "GetAccountPasswordPolicy" => Some(Self::GetAccountPasswordPolicy),
            "GetAccountSummary" => Some(Self::GetAccountSummary),
            "GetContextKeysForCustomPolicy" => Some(Self::GetContextKeysForCustomPolicy),
            "GetContextKeysForPrincipalPolicy" => Some(Self::GetContextKeysForPrincipalPolicy),
            "GetCredentialReport" => Some(Self::GetCredentialReport),
            "GetDelegationRequest" => Some(Self::GetDelegationRequest),
            "GetGroup" => Some(Self::GetGroup),
            "GetGroupPolicy" => Some(Self::GetGroupPolicy),
            "GetHumanReadableSummary" => Some(Self::GetHumanReadableSummary),
            "GetInstanceProfile" => Some(Self::GetInstanceProfile),
            "GetLoginProfile" => Some(Self::GetLoginProfile),
            "GetMFADevice" => Some(Self::GetMFADevice),
            "GetOpenIDConnectProvider" => Some(Self::GetOpenIDConnectProvider),
            "GetOrganizationsAccessReport" => Some(Self::GetOrganizationsAccessReport),
            "GetOutboundWebIdentityFederationInfo" => {
                Some(Self::GetOutboundWebIdentityFederationInfo)
            }
            "GetPolicy" => Some(Self::GetPolicy),
            "GetPolicyVersion" => Some(Self::GetPolicyVersion),
            "GetRole" => Some(Self::GetRole),
            "GetRolePolicy" => Some(Self::GetRolePolicy),
            "GetSAMLProvider" => Some(Self::GetSAMLProvider),
            "GetSSHPublicKey" => Some(Self::GetSSHPublicKey),
            "GetServerCertificate" => Some(Self::GetServerCertificate),
            "GetServiceLastAccessedDetails" => Some(Self::GetServiceLastAccessedDetails),
            "GetServiceLastAccessedDetailsWithEntities" => {
                Some(Self::GetServiceLastAccessedDetailsWithEntities)
            }
            "GetServiceLinkedRoleDeletionStatus" => Some(Self::GetServiceLinkedRoleDeletionStatus),
            "GetUser" => Some(Self::GetUser),
            "GetUserPolicy" => Some(Self::GetUserPolicy),
            "ListAccessKeys" => Some(Self::ListAccessKeys),
            "ListAccountAliases" => Some(Self::ListAccountAliases),
            "ListAttachedGroupPolicies" => Some(Self::ListAttachedGroupPolicies),
            "ListAttachedRolePolicies" => Some(Self::ListAttachedRolePolicies),
            "ListAttachedUserPolicies" => Some(Self::ListAttachedUserPolicies),
            "ListDelegationRequests" => Some(Self::ListDelegationRequests),
            "ListEntitiesForPolicy" => Some(Self::ListEntitiesForPolicy),
            "ListGroupPolicies" => Some(Self::ListGroupPolicies),
            "ListGroups" => Some(Self::ListGroups),
            "ListGroupsForUser" => Some(Self::ListGroupsForUser),
            "ListInstanceProfileTags" => Some(Self::ListInstanceProfileTags),
            "ListInstanceProfiles" => Some(Self::ListInstanceProfiles),
            "ListInstanceProfilesForRole" => Some(Self::ListInstanceProfilesForRole),
            "ListMFADeviceTags" => Some(Self::ListMFADeviceTags),
            "ListMFADevices" => Some(Self::ListMFADevices),
            "ListOpenIDConnectProviderTags" => Some(Self::ListOpenIDConnectProviderTags),
            "ListOpenIDConnectProviders" => Some(Self::ListOpenIDConnectProviders),
            "ListOrganizationsFeatures" => Some(Self::ListOrganizationsFeatures),
            "ListPolicies" => Some(Self::ListPolicies),
            "ListPoliciesGrantingServiceAccess" => Some(Self::ListPoliciesGrantingServiceAccess),
            "ListPolicyTags" => Some(Self::ListPolicyTags),
            "ListPolicyVersions" => Some(Self::ListPolicyVersions),
            "ListRolePolicies" => Some(Self::ListRolePolicies),
            "ListRoleTags" => Some(Self::ListRoleTags),
            "ListRoles" => Some(Self::ListRoles),
            "ListSAMLProviderTags" => Some(Self::ListSAMLProviderTags),
            "ListSAMLProviders" => Some(Self::ListSAMLProviders),
            "ListSSHPublicKeys" => Some(Self::ListSSHPublicKeys),
            "ListServerCertificateTags" => Some(Self::ListServerCertificateTags),
            "ListServerCertificates" => Some(Self::ListServerCertificates),
            "ListServiceSpecificCredentials" => Some(Self::ListServiceSpecificCredentials),
            "ListSigningCertificates" => Some(Self::ListSigningCertificates),
            "ListUserPolicies" => Some(Self::ListUserPolicies),
            "ListUserTags" => Some(Self::ListUserTags),
            "ListUsers" => Some(Self::ListUsers),
            "ListVirtualMFADevices" => Some(Self::ListVirtualMFADevices),
            "PutGroupPolicy" => Some(Self::PutGroupPolicy),
            "PutRolePermissionsBoundary" => Some(Self::PutRolePermissionsBoundary),
            "PutRolePolicy" => Some(Self::PutRolePolicy),
            "PutUserPermissionsBoundary" => Some(Self::PutUserPermissionsBoundary),
            "PutUserPolicy" => Some(Self::PutUserPolicy),
            "RejectDelegationRequest" => Some(Self::RejectDelegationRequest),
            "RemoveClientIDFromOpenIDConnectProvider" => {
                Some(Self::RemoveClientIDFromOpenIDConnectProvider)
            }
            "RemoveRoleFromInstanceProfile" => Some(Self::RemoveRoleFromInstanceProfile),
            "RemoveUserFromGroup" => Some(Self::RemoveUserFromGroup),
            "ResetServiceSpecificCredential" => Some(Self::ResetServiceSpecificCredential),
            "ResyncMFADevice" => Some(Self::ResyncMFADevice),
            "SendDelegationToken" => Some(Self::SendDelegationToken),
            "SetDefaultPolicyVersion" => Some(Self::SetDefaultPolicyVersion),
            "SetSecurityTokenServicePreferences" => Some(Self::SetSecurityTokenServicePreferences),
            "SimulateCustomPolicy" => Some(Self::SimulateCustomPolicy),
            "SimulatePrincipalPolicy" => Some(Self::SimulatePrincipalPolicy),
            "TagInstanceProfile" => Some(Self::TagInstanceProfile),
            "TagMFADevice" => Some(Self::TagMFADevice),
            "TagOpenIDConnectProvider" => Some(Self::TagOpenIDConnectProvider),
            "TagPolicy" => Some(Self::TagPolicy),
            "TagRole" => Some(Self::TagRole),
            "TagSAMLProvider" => Some(Self::TagSAMLProvider),
            "TagServerCertificate" => Some(Self::TagServerCertificate),
            "TagUser" => Some(Self::TagUser),
            "UntagInstanceProfile" => Some(Self::UntagInstanceProfile),
            "UntagMFADevice" => Some(Self::UntagMFADevice),
            "UntagOpenIDConnectProvider" => Some(Self::UntagOpenIDConnectProvider),
            "UntagPolicy" => Some(Self::UntagPolicy),
            "UntagRole" => Some(Self::UntagRole),
            "UntagSAMLProvider" => Some(Self::UntagSAMLProvider),
            "UntagServerCertificate" => Some(Self::UntagServerCertificate),
            "UntagUser" => Some(Self::UntagUser),
            "UpdateAccessKey" => Some(Self::UpdateAccessKey),
            "UpdateAccountPasswordPolicy" => Some(Self::UpdateAccountPasswordPolicy),
            "UpdateAssumeRolePolicy" => Some(Self::UpdateAssumeRolePolicy),
            "UpdateDelegationRequest" => Some(Self::UpdateDelegationRequest),
            "UpdateGroup" => Some(Self::UpdateGroup),
            "UpdateLoginProfile" => Some(Self::UpdateLoginProfile),
            "UpdateOpenIDConnectProviderThumbprint" => {
                Some(Self::UpdateOpenIDConnectProviderThumbprint)
            }
            "UpdateRole" => Some(Self::UpdateRole),
            "UpdateRoleDescription" => Some(Self::UpdateRoleDescription),
            "UpdateSAMLProvider" => Some(Self::UpdateSAMLProvider),
            "UpdateSSHPublicKey" => Some(Self::UpdateSSHPublicKey),
            "UpdateServerCertificate" => Some(Self::UpdateServerCertificate),
            "UpdateServiceSpecificCredential" => Some(Self::UpdateServiceSpecificCredential),
            "UpdateSigningCertificate" => Some(Self::UpdateSigningCertificate),
            "UpdateUser" => Some(Self::UpdateUser),
            "UploadSSHPublicKey" => Some(Self::UploadSSHPublicKey),
            "UploadServerCertificate" => Some(Self::UploadServerCertificate),
            "UploadSigningCertificate" => Some(Self::UploadSigningCertificate),
            _ => None,
        }
    }

    /// The `Action` name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::AcceptDelegationRequest => "AcceptDelegationRequest",
            Self::AddClientIDToOpenIDConnectProvider => "AddClientIDToOpenIDConnectProvider",
            Self::AddRoleToInstanceProfile => "AddRoleToInstanceProfile",
            Self::AddUserToGroup => "AddUserToGroup",
            Self::AssociateDelegationRequest => "AssociateDelegationRequest",
            Self::AttachGroupPolicy => "AttachGroupPolicy",
            Self::AttachRolePolicy => "AttachRolePolicy",
            Self::AttachUserPolicy => "AttachUserPolicy",
            Self::ChangePassword => "ChangePassword",
            Self::CreateAccessKey => "CreateAccessKey",
            Self::CreateAccountAlias => "CreateAccountAlias",
            Self::CreateDelegationRequest => "CreateDelegationRequest",
            Self::CreateGroup => "CreateGroup",
            Self::CreateInstanceProfile => "CreateInstanceProfile",
            Self::CreateLoginProfile => "CreateLoginProfile",
            Self::CreateOpenIDConnectProvider => "CreateOpenIDConnectProvider",
            Self::CreatePolicy => "CreatePolicy",
            Self::CreatePolicyVersion => "CreatePolicyVersion",
            Self::CreateRole => "CreateRole",
            Self::CreateSAMLProvider => "CreateSAMLProvider",
            Self::CreateServiceLinkedRole => "CreateServiceLinkedRole",
            Self::CreateServiceSpecificCredential => "CreateServiceSpecificCredential",
            Self::CreateUser => "CreateUser",
            Self::CreateVirtualMFADevice => "CreateVirtualMFADevice",
            Self::DeactivateMFADevice => "DeactivateMFADevice",
            Self::DeleteAccessKey => "DeleteAccessKey",
            Self::DeleteAccountAlias => "DeleteAccountAlias",
            Self::DeleteAccountPasswordPolicy => "DeleteAccountPasswordPolicy",
            Self::DeleteGroup => "DeleteGroup",
            Self::DeleteGroupPolicy => "DeleteGroupPolicy",
            Self::DeleteInstanceProfile => "DeleteInstanceProfile",
            Self::DeleteLoginProfile => "DeleteLoginProfile",
            Self::DeleteOpenIDConnectProvider => "DeleteOpenIDConnectProvider",
            Self::DeletePolicy => "DeletePolicy",
            Self::DeletePolicyVersion => "DeletePolicyVersion",
            Self::DeleteRole => "DeleteRole",
            Self::DeleteRolePermissionsBoundary => "DeleteRolePermissionsBoundary",
            Self::DeleteRolePolicy => "DeleteRolePolicy",
            Self::DeleteSAMLProvider => "DeleteSAMLProvider",
            Self::DeleteSSHPublicKey => "DeleteSSHPublicKey",
            Self::DeleteServerCertificate => "DeleteServerCertificate",
            Self::DeleteServiceLinkedRole => "DeleteServiceLinkedRole",
            Self::DeleteServiceSpecificCredential => "DeleteServiceSpecificCredential",
            Self::DeleteSigningCertificate => "DeleteSigningCertificate",
            Self::DeleteUser => "DeleteUser",
            Self::DeleteUserPermissionsBoundary => "DeleteUserPermissionsBoundary",
            Self::DeleteUserPolicy => "DeleteUserPolicy",
            Self::DeleteVirtualMFADevice => "DeleteVirtualMFADevice",
            Self::DetachGroupPolicy => "DetachGroupPolicy",
            Self::DetachRolePolicy => "DetachRolePolicy",
            Self::DetachUserPolicy => "DetachUserPolicy",
            Self::DisableOrganizationsRootCredentialsManagement => {
                "DisableOrganizationsRootCredentialsManagement"
            }
            Self::DisableOrganizationsRootSessions => "DisableOrganizationsRootSessions",
            Self::DisableOutboundWebIdentityFederation => "DisableOutboundWebIdentityFederation",
            Self::EnableMFADevice => "EnableMFADevice",
            Self::EnableOrganizationsRootCredentialsManagement => {
                "EnableOrganizationsRootCredentialsManagement"
            }
            Self::EnableOrganizationsRootSessions => "EnableOrganizationsRootSessions",
            Self::EnableOutboundWebIdentityFederation => "EnableOutboundWebIdentityFederation",
            Self::GenerateCredentialReport => "GenerateCredentialReport",
            Self::GenerateOrganizationsAccessReport => "GenerateOrganizationsAccessReport",
            Self::GenerateServiceLastAccessedDetails => "GenerateServiceLastAccessedDetails",
            Self::GetAccessKeyLastUsed => "GetAccessKeyLastUsed",
            Self::GetAccountAuthorizationDetails => "GetAccountAuthorizationDetails",
            Self::GetAccountPasswordPolicy => "GetAccountPasswordPolicy",
            Self::GetAccountSummary => "GetAccountSummary",
            Self::GetContextKeysForCustomPolicy => "GetContextKeysForCustomPolicy",
            Self::GetContextKeysForPrincipalPolicy => "GetContextKeysForPrincipalPolicy",
            Self::GetCredentialReport => "GetCredentialReport",
            Self::GetDelegationRequest => "GetDelegationRequest",
            Self::GetGroup => "GetGroup",
            Self::GetGroupPolicy => "GetGroupPolicy",
            Self::GetHumanReadableSummary => "GetHumanReadableSummary",
            Self::GetInstanceProfile => "GetInstanceProfile",
            Self::GetLoginProfile => "GetLoginProfile",
            Self::GetMFADevice => "GetMFADevice",
            Self::GetOpenIDConnectProvider => "GetOpenIDConnectProvider",
            Self::GetOrganizationsAccessReport => "GetOrganizationsAccessReport",
            Self::GetOutboundWebIdentityFederationInfo => "GetOutboundWebIdentityFederationInfo",
            Self::GetPolicy => "GetPolicy",
            Self::GetPolicyVersion => "GetPolicyVersion",
            Self::GetRole => "GetRole",
            Self::GetRolePolicy => "GetRolePolicy",
            Self::GetSAMLProvider => "GetSAMLProvider",
            Self::GetSSHPublicKey => "GetSSHPublicKey",
            Self::GetServerCertificate => "GetServerCertificate",
            Self::GetServiceLastAccessedDetails => "GetServiceLastAccessedDetails",
            Self::GetServiceLastAccessedDetailsWithEntities => {
                "GetServiceLastAccessedDetailsWithEntities"
            }
            Self::GetServiceLinkedRoleDeletionStatus => "GetServiceLinkedRoleDeletionStatus",
            Self::GetUser => "GetUser",
            Self::GetUserPolicy => "GetUserPolicy",
            Self::ListAccessKeys => "ListAccessKeys",
            Self::ListAccountAliases => "ListAccountAliases",
            Self::ListAttachedGroupPolicies => "ListAttachedGroupPolicies",
            Self::ListAttachedRolePolicies => "ListAttachedRolePolicies",
            Self::ListAttachedUserPolicies => "ListAttachedUserPolicies",
            Self::ListDelegationRequests => "ListDelegationRequests",
            Self::ListEntitiesForPolicy => "ListEntitiesForPolicy",
            Self::ListGroupPolicies => "ListGroupPolicies",
            Self::ListGroups => "ListGroups",
            Self::ListGroupsForUser => "ListGroupsForUser",
            Self::ListInstanceProfileTags => "ListInstanceProfileTags",
            Self::ListInstanceProfiles => "ListInstanceProfiles",
            Self::ListInstanceProfilesForRole => "ListInstanceProfilesForRole",
            Self::ListMFADeviceTags => "ListMFADeviceTags",
            Self::ListMFADevices => "ListMFADevices",
            Self::ListOpenIDConnectProviderTags => "ListOpenIDConnectProviderTags",
            Self::ListOpenIDConnectProviders => "ListOpenIDConnectProviders",
            Self::ListOrganizationsFeatures => "ListOrganizationsFeatures",
            Self::ListPolicies => "ListPolicies",
            Self::ListPoliciesGrantingServiceAccess => "ListPoliciesGrantingServiceAccess",
            Self::ListPolicyTags => "ListPolicyTags",
            Self::ListPolicyVersions => "ListPolicyVersions",
            Self::ListRolePolicies => "ListRolePolicies",
            Self::ListRoleTags => "ListRoleTags",
            Self::ListRoles => "ListRoles",
            Self::ListSAMLProviderTags => "ListSAMLProviderTags",
            Self::ListSAMLProviders => "ListSAMLProviders",
            Self::ListSSHPublicKeys => "ListSSHPublicKeys",
            Self::ListServerCertificateTags => "ListServerCertificateTags",
            Self::ListServerCertificates => "ListServerCertificates",
            Self::ListServiceSpecificCredentials => "ListServiceSpecificCredentials",
            Self::ListSigningCertificates => "ListSigningCertificates",
            Self::ListUserPolicies => "ListUserPolicies",
            Self::ListUserTags => "ListUserTags",
            Self::ListUsers => "ListUsers",
            Self::ListVirtualMFADevices => "ListVirtualMFADevices",
            Self::PutGroupPolicy => "PutGroupPolicy",
            Self::PutRolePermissionsBoundary => "PutRolePermissionsBoundary",
            Self::PutRolePolicy => "PutRolePolicy",
            Self::PutUserPermissionsBoundary => "PutUserPermissionsBoundary",
            Self::PutUserPolicy => "PutUserPolicy",
            Self::RejectDelegationRequest => "RejectDelegationRequest",
            Self::RemoveClientIDFromOpenIDConnectProvider => {
                "RemoveClientIDFromOpenIDConnectProvider"
            }
            Self::RemoveRoleFromInstanceProfile => "RemoveRoleFromInstanceProfile",
            Self::RemoveUserFromGroup => "RemoveUserFromGroup",
            Self::ResetServiceSpecificCredential => "ResetServiceSpecificCredential",
            Self::ResyncMFADevice => "ResyncMFADevice",
            Self::SendDelegationToken => "SendDelegationToken",
            Self::SetDefaultPolicyVersion => "SetDefaultPolicyVersion",
            Self::SetSecurityTokenServicePreferences => "SetSecurityTokenServicePreferences",
            Self::SimulateCustomPolicy => "SimulateCustomPolicy",
            Self::SimulatePrincipalPolicy => "SimulatePrincipalPolicy",
            Self::TagInstanceProfile => "TagInstanceProfile",
            Self::TagMFADevice => "TagMFADevice",
            Self::TagOpenIDConnectProvider => "TagOpenIDConnectProvider",
            Self::TagPolicy => "TagPolicy",
            Self::TagRole => "TagRole",
            Self::TagSAMLProvider => "TagSAMLProvider",
            Self::TagServerCertificate => "TagServerCertificate",
            Self::TagUser => "TagUser",
            Self::UntagInstanceProfile => "UntagInstanceProfile",
            Self::UntagMFADevice => "UntagMFADevice",
            Self::UntagOpenIDConnectProvider => "UntagOpenIDConnectProvider",
            Self::UntagPolicy => "UntagPolicy",
            Self::UntagRole => "UntagRole",
            Self::UntagSAMLProvider => "UntagSAMLProvider",
            Self::UntagServerCertificate => "UntagServerCertificate",
            Self::UntagUser => "UntagUser",
            Self::UpdateAccessKey => "UpdateAccessKey",
            Self::UpdateAccountPasswordPolicy => "UpdateAccountPasswordPolicy",
            Self::UpdateAssumeRolePolicy => "UpdateAssumeRolePolicy",
            Self::UpdateDelegationRequest => "UpdateDelegationRequest",
            Self::UpdateGroup => "UpdateGroup",
            Self::UpdateLoginProfile => "UpdateLoginProfile",
            Self::UpdateOpenIDConnectProviderThumbprint => "UpdateOpenIDConnectProviderThumbprint",
            Self::UpdateRole => "UpdateRole",
            Self::UpdateRoleDescription => "UpdateRoleDescription",
            Self::UpdateSAMLProvider => "UpdateSAMLProvider",
            Self::UpdateSSHPublicKey => "UpdateSSHPublicKey",
            Self::UpdateServerCertificate => "UpdateServerCertificate",
            Self::UpdateServiceSpecificCredential => "UpdateServiceSpecificCredential",
            Self::UpdateSigningCertificate => "UpdateSigningCertificate",
            Self::UpdateUser => "UpdateUser",
            Self::UploadSSHPublicKey => "UploadSSHPublicKey",
            Self::UploadServerCertificate => "UploadServerCertificate",
            Self::UploadSigningCertificate => "UploadSigningCertificate",
        }
    }

    /// Whether the response has a result element (api.md §1.3 rules 2-3).
    #[must_use]
    pub const fn output(self) -> OutputKind {
        match self {
            Self::AcceptDelegationRequest
            | Self::AddClientIDToOpenIDConnectProvider
            | Self::AddRoleToInstanceProfile
            | Self::AddUserToGroup
            | Self::AssociateDelegationRequest
            | Self::AttachGroupPolicy
            | Self::AttachRolePolicy
            | Self::AttachUserPolicy
            | Self::ChangePassword
            | Self::CreateAccountAlias
            | Self::DeactivateMFADevice
            | Self::DeleteAccessKey
            | Self::DeleteAccountAlias
            | Self::DeleteAccountPasswordPolicy
            | Self::DeleteGroup
            | Self::DeleteGroupPolicy
            | Self::DeleteInstanceProfile
            | Self::DeleteLoginProfile
            | Self::DeleteOpenIDConnectProvider
            | Self::DeletePolicy
            | Self::DeletePolicyVersion
            | Self::DeleteRole
            | Self::DeleteRolePermissionsBoundary
            | Self::DeleteRolePolicy
            | Self::DeleteSAMLProvider
            | Self::DeleteSSHPublicKey
            | Self::DeleteServerCertificate
            | Self::DeleteServiceSpecificCredential
            | Self::DeleteSigningCertificate
            | Self::DeleteUser
            | Self::DeleteUserPermissionsBoundary
            | Self::DeleteUserPolicy
            | Self::DeleteVirtualMFADevice
            | Self::DetachGroupPolicy
            | Self::DetachRolePolicy
            | Self::DetachUserPolicy
            | Self::DisableOutboundWebIdentityFederation
            | Self::EnableMFADevice
            | Self::PutGroupPolicy
            | Self::PutRolePermissionsBoundary
            | Self::PutRolePolicy
            | Self::PutUserPermissionsBoundary
            | Self::PutUserPolicy
            | Self::RejectDelegationRequest
            | Self::RemoveClientIDFromOpenIDConnectProvider
            | Self::RemoveRoleFromInstanceProfile
            | Self::RemoveUserFromGroup
            | Self::ResyncMFADevice
            | Self::SendDelegationToken
            | Self::SetDefaultPolicyVersion
            | Self::SetSecurityTokenServicePreferences
            | Self::TagInstanceProfile
            | Self::TagMFADevice
            | Self::TagOpenIDConnectProvider
            | Self::TagPolicy
            | Self::TagRole
            | Self::TagSAMLProvider
            | Self::TagServerCertificate
            | Self::TagUser
            | Self::UntagInstanceProfile
            | Self::UntagMFADevice
            | Self::UntagOpenIDConnectProvider
            | Self::UntagPolicy
            | Self::UntagRole
            | Self::UntagSAMLProvider
            | Self::UntagServerCertificate
            | Self::UntagUser
            | Self::UpdateAccessKey
            | Self::UpdateAccountPasswordPolicy
            | Self::UpdateAssumeRolePolicy
            | Self::UpdateDelegationRequest
            | Self::UpdateGroup
            | Self::UpdateLoginProfile
            | Self::UpdateOpenIDConnectProviderThumbprint
            | Self::UpdateSSHPublicKey
            | Self::UpdateServerCertificate
            | Self::UpdateServiceSpecificCredential
            | Self::UpdateSigningCertificate
            | Self::UpdateUser => OutputKind::None,
            Self::CreateAccessKey
            | Self::CreateDelegationRequest
            | Self::CreateGroup
            | Self::CreateInstanceProfile
            | Self::CreateLoginProfile
            | Self::CreateOpenIDConnectProvider
            | Self::CreatePolicy
            | Self::CreatePolicyVersion
            | Self::CreateRole
            | Self::CreateSAMLProvider
            | Self::CreateServiceLinkedRole
            | Self::CreateServiceSpecificCredential
            | Self::CreateUser
            | Self::CreateVirtualMFADevice
            | Self::DeleteServiceLinkedRole
            | Self::DisableOrganizationsRootCredentialsManagement
            | Self::DisableOrganizationsRootSessions
            | Self::EnableOrganizationsRootCredentialsManagement
            | Self::EnableOrganizationsRootSessions
            | Self::EnableOutboundWebIdentityFederation
            | Self::GenerateCredentialReport
            | Self::GenerateOrganizationsAccessReport
            | Self::GenerateServiceLastAccessedDetails
            | Self::GetAccessKeyLastUsed
            | Self::GetAccountAuthorizationDetails
            | Self::GetAccountPasswordPolicy
            | Self::GetAccountSummary
            | Self::GetContextKeysForCustomPolicy
            | Self::GetContextKeysForPrincipalPolicy
            | Self::GetCredentialReport
            | Self::GetDelegationRequest
            | Self::GetGroup
            | Self::GetGroupPolicy
            | Self::GetHumanReadableSummary
            | Self::GetInstanceProfile
            | Self::GetLoginProfile
            | Self::GetMFADevice
            | Self::GetOpenIDConnectProvider
            | Self::GetOrganizationsAccessReport
            | Self::GetOutboundWebIdentityFederationInfo
            | Self::GetPolicy
            | Self::GetPolicyVersion
            | Self::GetRole
            | Self::GetRolePolicy
            | Self::GetSAMLProvider
            | Self::GetSSHPublicKey
            | Self::GetServerCertificate
            | Self::GetServiceLastAccessedDetails
            | Self::GetServiceLastAccessedDetailsWithEntities
            | Self::GetServiceLinkedRoleDeletionStatus
            | Self::GetUser
            | Self::GetUserPolicy
            | Self::ListAccessKeys
            | Self::ListAccountAliases
            | Self::ListAttachedGroupPolicies
            | Self::ListAttachedRolePolicies
            | Self::ListAttachedUserPolicies
            | Self::ListDelegationRequests
            | Self::ListEntitiesForPolicy
            | Self::ListGroupPolicies
            | Self::ListGroups
            | Self::ListGroupsForUser
            | Self::ListInstanceProfileTags
            | Self::ListInstanceProfiles
            | Self::ListInstanceProfilesForRole
            | Self::ListMFADeviceTags
            | Self::ListMFADevices
            | Self::ListOpenIDConnectProviderTags
            | Self::ListOpenIDConnectProviders
            | Self::ListOrganizationsFeatures
            | Self::ListPolicies
            | Self::ListPoliciesGrantingServiceAccess
            | Self::ListPolicyTags
            | Self::ListPolicyVersions
            | Self::ListRolePolicies
            | Self::ListRoleTags
            | Self::ListRoles
            | Self::ListSAMLProviderTags
            | Self::ListSAMLProviders
            | Self::ListSSHPublicKeys
            | Self::ListServerCertificateTags
            | Self::ListServerCertificates
            | Self::ListServiceSpecificCredentials
            | Self::ListSigningCertificates
            | Self::ListUserPolicies
            | Self::ListUserTags
            | Self::ListUsers
            | Self::ListVirtualMFADevices
            | Self::ResetServiceSpecificCredential
            | Self::SimulateCustomPolicy
            | Self::SimulatePrincipalPolicy
            | Self::UpdateRoleDescription
            | Self::UpdateSAMLProvider
            | Self::UploadSSHPublicKey
            | Self::UploadServerCertificate
            | Self::UploadSigningCertificate => OutputKind::Result,
            Self::UpdateRole => OutputKind::EmptyResult,
        }
    }
}

/// A decoded, validated IAM request: one variant per operation.
#[allow(
    clippy::large_enum_variant,
    reason = "built once per request and moved into the handler; boxing would only add an allocation"
)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IamRequest {
    /// `AcceptDelegationRequest`.
    AcceptDelegationRequest(AcceptDelegationRequestInput),
    /// `AddClientIDToOpenIDConnectProvider`.
    AddClientIDToOpenIDConnectProvider(AddClientIDToOpenIDConnectProviderInput),
    /// `AddRoleToInstanceProfile`.
    AddRoleToInstanceProfile(AddRoleToInstanceProfileInput),
    /// `AddUserToGroup`.
    AddUserToGroup(AddUserToGroupInput),
    /// `AssociateDelegationRequest`.
    AssociateDelegationRequest(AssociateDelegationRequestInput),
    /// `AttachGroupPolicy`.
    AttachGroupPolicy(AttachGroupPolicyInput),
    /// `AttachRolePolicy`.
    AttachRolePolicy(AttachRolePolicyInput),
    /// `AttachUserPolicy`.
    AttachUserPolicy(AttachUserPolicyInput),
    /// `ChangePassword`.
    ChangePassword(ChangePasswordInput),
    /// `CreateAccessKey`.
    CreateAccessKey(CreateAccessKeyInput),
    /// `CreateAccountAlias`.
    CreateAccountAlias(CreateAccountAliasInput),
    /// `CreateDelegationRequest`.
    CreateDelegationRequest(CreateDelegationRequestInput),
    /// `CreateGroup`.
    CreateGroup(CreateGroupInput),
    /// `CreateInstanceProfile`.
    CreateInstanceProfile(CreateInstanceProfileInput),
    /// `CreateLoginProfile`.
    CreateLoginProfile(CreateLoginProfileInput),
    /// `CreateOpenIDConnectProvider`.
    CreateOpenIDConnectProvider(CreateOpenIDConnectProviderInput),
    /// `CreatePolicy`.
    CreatePolicy(CreatePolicyInput),
    /// `CreatePolicyVersion`.
    CreatePolicyVersion(CreatePolicyVersionInput),
    /// `CreateRole`.
    CreateRole(CreateRoleInput),
    /// `CreateSAMLProvider`.
    CreateSAMLProvider(CreateSAMLProviderInput),
    /// `CreateServiceLinkedRole`.
    CreateServiceLinkedRole(CreateServiceLinkedRoleInput),
    /// `CreateServiceSpecificCredential`.
    CreateServiceSpecificCredential(CreateServiceSpecificCredentialInput),
    /// `CreateUser`.
    CreateUser(CreateUserInput),
    /// `CreateVirtualMFADevice`.
    CreateVirtualMFADevice(CreateVirtualMFADeviceInput),
    /// `DeactivateMFADevice`.
    DeactivateMFADevice(DeactivateMFADeviceInput),
    /// `DeleteAccessKey`.
    DeleteAccessKey(DeleteAccessKeyInput),
    /// `DeleteAccountAlias`.
    DeleteAccountAlias(DeleteAccountAliasInput),
    /// `DeleteAccountPasswordPolicy`.
    DeleteAccountPasswordPolicy,
    /// `DeleteGroup`.
    DeleteGroup(DeleteGroupInput),
    /// `DeleteGroupPolicy`.
    DeleteGroupPolicy(DeleteGroupPolicyInput),
    /// `DeleteInstanceProfile`.
    DeleteInstanceProfile(DeleteInstanceProfileInput),
    /// `DeleteLoginProfile`.
    DeleteLoginProfile(DeleteLoginProfileInput),
    /// `DeleteOpenIDConnectProvider`.
    DeleteOpenIDConnectProvider(DeleteOpenIDConnectProviderInput),
    /// `DeletePolicy`.
    DeletePolicy(DeletePolicyInput),
    /// `DeletePolicyVersion`.
    DeletePolicyVersion(DeletePolicyVersionInput),
    /// `DeleteRole`.
    DeleteRole(DeleteRoleInput),
    /// `DeleteRolePermissionsBoundary`.
    DeleteRolePermissionsBoundary(DeleteRolePermissionsBoundaryInput),
    /// `DeleteRolePolicy`.
    DeleteRolePolicy(DeleteRolePolicyInput),
    /// `DeleteSAMLProvider`.
    DeleteSAMLProvider(DeleteSAMLProviderInput),
    /// `DeleteSSHPublicKey`.
    DeleteSSHPublicKey(DeleteSSHPublicKeyInput),
    /// `DeleteServerCertificate`.
    DeleteServerCertificate(DeleteServerCertificateInput),
    /// `DeleteServiceLinkedRole`.
    DeleteServiceLinkedRole(DeleteServiceLinkedRoleInput),
    /// `DeleteServiceSpecificCredential`.
    DeleteServiceSpecificCredential(DeleteServiceSpecificCredentialInput),
    /// `DeleteSigningCertificate`.
    DeleteSigningCertificate(DeleteSigningCertificateInput),
    /// `DeleteUser`.
    DeleteUser(DeleteUserInput),
    /// `DeleteUserPermissionsBoundary`.
    DeleteUserPermissionsBoundary(DeleteUserPermissionsBoundaryInput),
    /// `DeleteUserPolicy`.
    DeleteUserPolicy(DeleteUserPolicyInput),
    /// `DeleteVirtualMFADevice`.
    DeleteVirtualMFADevice(DeleteVirtualMFADeviceInput),
    /// `DetachGroupPolicy`.
    DetachGroupPolicy(DetachGroupPolicyInput),
    /// `DetachRolePolicy`.
    DetachRolePolicy(DetachRolePolicyInput),
    /// `DetachUserPolicy`.
    DetachUserPolicy(DetachUserPolicyInput),
    /// `DisableOrganizationsRootCredentialsManagement`.
    DisableOrganizationsRootCredentialsManagement(
        DisableOrganizationsRootCredentialsManagementInput,
    ),
    /// `DisableOrganizationsRootSessions`.
    DisableOrganizationsRootSessions(DisableOrganizationsRootSessionsInput),
    /// `DisableOutboundWebIdentityFederation`.
    DisableOutboundWebIdentityFederation,
    /// `EnableMFADevice`.
    EnableMFADevice(EnableMFADeviceInput),
    /// `EnableOrganizationsRootCredentialsManagement`.
    EnableOrganizationsRootCredentialsManagement(EnableOrganizationsRootCredentialsManagementInput),
    /// `EnableOrganizationsRootSessions`.
    EnableOrganizationsRootSessions(EnableOrganizationsRootSessionsInput),
    /// `EnableOutboundWebIdentityFederation`.
    EnableOutboundWebIdentityFederation,
    /// `GenerateCredentialReport`.
    GenerateCredentialReport,
    /// `GenerateOrganizationsAccessReport`.
    GenerateOrganizationsAccessReport(GenerateOrganizationsAccessReportInput),
    /// `GenerateServiceLastAccessedDetails`.
    GenerateServiceLastAccessedDetails(GenerateServiceLastAccessedDetailsInput),
    /// `GetAccessKeyLastUsed`.
    GetAccessKeyLastUsed(GetAccessKeyLastUsedInput),
    /// `GetAccountAuthorizationDetails`.
    GetAccountAuthorizationDetails(GetAccountAuthorizationDetailsInput),
    /// `GetAccountPasswordPolicy`.
    GetAccountPasswordPolicy,
    /// `GetAccountSummary`.
    GetAccountSummary,
    /// `GetContextKeysForCustomPolicy`.
    GetContextKeysForCustomPolicy(GetContextKeysForCustomPolicyInput),
    /// `GetContextKeysForPrincipalPolicy`.
    GetContextKeysForPrincipalPolicy(GetContextKeysForPrincipalPolicyInput),
    /// `GetCredentialReport`.
    GetCredentialReport,
    /// `GetDelegationRequest`.
    GetDelegationRequest(GetDelegationRequestInput),
    /// `GetGroup`.
    GetGroup(GetGroupInput),
    /// `GetGroupPolicy`.
    GetGroupPolicy(GetGroupPolicyInput),
    /// `GetHumanReadableSummary`.
    GetHumanReadableSummary(GetHumanReadableSummaryInput),
    /// `GetInstanceProfile`.
    GetInstanceProfile(GetInstanceProfileInput),
    /// `GetLoginProfile`.
    GetLoginProfile(GetLoginProfileInput),
    /// `GetMFADevice`.
    GetMFADevice(GetMFADeviceInput),
    /// `GetOpenIDConnectProvider`.
    GetOpenIDConnectProvider(GetOpenIDConnectProviderInput),
    /// `GetOrganizationsAccessReport`.
    GetOrganizationsAccessReport(GetOrganizationsAccessReportInput),
    /// `GetOutboundWebIdentityFederationInfo`.
    GetOutboundWebIdentityFederationInfo,
    /// `GetPolicy`.
    GetPolicy(GetPolicyInput),
    /// `GetPolicyVersion`.
    GetPolicyVersion(GetPolicyVersionInput),
    /// `GetRole`.
    GetRole(GetRoleInput),
    /// `GetRolePolicy`.
    GetRolePolicy(GetRolePolicyInput),
    /// `GetSAMLProvider`.
    GetSAMLProvider(GetSAMLProviderInput),
    /// `GetSSHPublicKey`.
    GetSSHPublicKey(GetSSHPublicKeyInput),
    /// `GetServerCertificate`.
    GetServerCertificate(GetServerCertificateInput),
    /// `GetServiceLastAccessedDetails`.
    GetServiceLastAccessedDetails(GetServiceLastAccessedDetailsInput),
    /// `GetServiceLastAccessedDetailsWithEntities`.
    GetServiceLastAccessedDetailsWithEntities(GetServiceLastAccessedDetailsWithEntitiesInput),
    /// `GetServiceLinkedRoleDeletionStatus`.
    GetServiceLinkedRoleDeletionStatus(GetServiceLinkedRoleDeletionStatusInput),
    /// `GetUser`.
    GetUser(GetUserInput),
    /// `GetUserPolicy`.
    GetUserPolicy(GetUserPolicyInput),
    /// `ListAccessKeys`.
    ListAccessKeys(ListAccessKeysInput),
    /// `ListAccountAliases`.
    ListAccountAliases(ListAccountAliasesInput),
    /// `ListAttachedGroupPolicies`.
    ListAttachedGroupPolicies(ListAttachedGroupPoliciesInput),
    /// `ListAttachedRolePolicies`.
    ListAttachedRolePolicies(ListAttachedRolePoliciesInput),
    /// `ListAttachedUserPolicies`.
    ListAttachedUserPolicies(ListAttachedUserPoliciesInput),
    /// `ListDelegationRequests`.
    ListDelegationRequests(ListDelegationRequestsInput),
    /// `ListEntitiesForPolicy`.
    ListEntitiesForPolicy(ListEntitiesForPolicyInput),
    /// `ListGroupPolicies`.
    ListGroupPolicies(ListGroupPoliciesInput),
    /// `ListGroups`.
    ListGroups(ListGroupsInput),
    /// `ListGroupsForUser`.
    ListGroupsForUser(ListGroupsForUserInput),
    /// `ListInstanceProfileTags`.
    ListInstanceProfileTags(ListInstanceProfileTagsInput),
    /// `ListInstanceProfiles`.
    ListInstanceProfiles(ListInstanceProfilesInput),
    /// `ListInstanceProfilesForRole`.
    ListInstanceProfilesForRole(ListInstanceProfilesForRoleInput),
    /// `ListMFADeviceTags`.
    ListMFADeviceTags(ListMFADeviceTagsInput),
    /// `ListMFADevices`.
    ListMFADevices(ListMFADevicesInput),
    /// `ListOpenIDConnectProviderTags`.
    ListOpenIDConnectProviderTags(ListOpenIDConnectProviderTagsInput),
    /// `ListOpenIDConnectProviders`.
    ListOpenIDConnectProviders(ListOpenIDConnectProvidersInput),
    /// `ListOrganizationsFeatures`.
    ListOrganizationsFeatures(ListOrganizationsFeaturesInput),
    /// `ListPolicies`.
    ListPolicies(ListPoliciesInput),
    /// `ListPoliciesGrantingServiceAccess`.
    ListPoliciesGrantingServiceAccess(ListPoliciesGrantingServiceAccessInput),
    /// `ListPolicyTags`.
    ListPolicyTags(ListPolicyTagsInput),
    /// `ListPolicyVersions`.
    ListPolicyVersions(ListPolicyVersionsInput),
    /// `ListRolePolicies`.
    ListRolePolicies(ListRolePoliciesInput),
    /// `ListRoleTags`.
    ListRoleTags(ListRoleTagsInput),
    /// `ListRoles`.
    ListRoles(ListRolesInput),
    /// `ListSAMLProviderTags`.
    ListSAMLProviderTags(ListSAMLProviderTagsInput),
    /// `ListSAMLProviders`.
    ListSAMLProviders(ListSAMLProvidersInput),
    /// `ListSSHPublicKeys`.
    ListSSHPublicKeys(ListSSHPublicKeysInput),
    /// `ListServerCertificateTags`.
    ListServerCertificateTags(ListServerCertificateTagsInput),
    /// `ListServerCertificates`.
    ListServerCertificates(ListServerCertificatesInput),
    /// `ListServiceSpecificCredentials`.
    ListServiceSpecificCredentials(ListServiceSpecificCredentialsInput),
    /// `ListSigningCertificates`.
    ListSigningCertificates(ListSigningCertificatesInput),
    /// `ListUserPolicies`.
    ListUserPolicies(ListUserPoliciesInput),
    /// `ListUserTags`.
    ListUserTags(ListUserTagsInput),
    /// `ListUsers`.
    ListUsers(ListUsersInput),
    /// `ListVirtualMFADevices`.
    ListVirtualMFADevices(ListVirtualMFADevicesInput),
    /// `PutGroupPolicy`.
    PutGroupPolicy(PutGroupPolicyInput),
    /// `PutRolePermissionsBoundary`.
    PutRolePermissionsBoundary(PutRolePermissionsBoundaryInput),
    /// `PutRolePolicy`.
    PutRolePolicy(PutRolePolicyInput),
    /// `PutUserPermissionsBoundary`.
    PutUserPermissionsBoundary(PutUserPermissionsBoundaryInput),
    /// `PutUserPolicy`.
    PutUserPolicy(PutUserPolicyInput),
    /// `RejectDelegationRequest`.
    RejectDelegationRequest(RejectDelegationRequestInput),
    /// `RemoveClientIDFromOpenIDConnectProvider`.
    RemoveClientIDFromOpenIDConnectProvider(RemoveClientIDFromOpenIDConnectProviderInput),
    /// `RemoveRoleFromInstanceProfile`.
    RemoveRoleFromInstanceProfile(RemoveRoleFromInstanceProfileInput),
    /// `RemoveUserFromGroup`.
    RemoveUserFromGroup(RemoveUserFromGroupInput),
    /// `ResetServiceSpecificCredential`.
    ResetServiceSpecificCredential(ResetServiceSpecificCredentialInput),
    /// `ResyncMFADevice`.
    ResyncMFADevice(ResyncMFADeviceInput),
    /// `SendDelegationToken`.
    SendDelegationToken(SendDelegationTokenInput),
    /// `SetDefaultPolicyVersion`.
    SetDefaultPolicyVersion(SetDefaultPolicyVersionInput),
    /// `SetSecurityTokenServicePreferences`.
    SetSecurityTokenServicePreferences(SetSecurityTokenServicePreferencesInput),
    /// `SimulateCustomPolicy`.
    SimulateCustomPolicy(SimulateCustomPolicyInput),
    /// `SimulatePrincipalPolicy`.
    SimulatePrincipalPolicy(SimulatePrincipalPolicyInput),
    /// `TagInstanceProfile`.
    TagInstanceProfile(TagInstanceProfileInput),
    /// `TagMFADevice`.
    TagMFADevice(TagMFADeviceInput),
    /// `TagOpenIDConnectProvider`.
    TagOpenIDConnectProvider(TagOpenIDConnectProviderInput),
    /// `TagPolicy`.
    TagPolicy(TagPolicyInput),
    /// `TagRole`.
    TagRole(TagRoleInput),
    /// `TagSAMLProvider`.
    TagSAMLProvider(TagSAMLProviderInput),
    /// `TagServerCertificate`.
    TagServerCertificate(TagServerCertificateInput),
    /// `TagUser`.
    TagUser(TagUserInput),
    /// `UntagInstanceProfile`.
    UntagInstanceProfile(UntagInstanceProfileInput),
    /// `UntagMFADevice`.
    UntagMFADevice(UntagMFADeviceInput),
    /// `UntagOpenIDConnectProvider`.
    UntagOpenIDConnectProvider(UntagOpenIDConnectProviderInput),
    /// `UntagPolicy`.
    UntagPolicy(UntagPolicyInput),
    /// `UntagRole`.
    UntagRole(UntagRoleInput),
    /// `UntagSAMLProvider`.
    UntagSAMLProvider(UntagSAMLProviderInput),
    /// `UntagServerCertificate`.
    UntagServerCertificate(UntagServerCertificateInput),
    /// `UntagUser`.
    UntagUser(UntagUserInput),
    /// `UpdateAccessKey`.
    UpdateAccessKey(UpdateAccessKeyInput),
    /// `UpdateAccountPasswordPolicy`.
    UpdateAccountPasswordPolicy(UpdateAccountPasswordPolicyInput),
    /// `UpdateAssumeRolePolicy`.
    UpdateAssumeRolePolicy(UpdateAssumeRolePolicyInput),
    /// `UpdateDelegationRequest`.
    UpdateDelegationRequest(UpdateDelegationRequestInput),
    /// `UpdateGroup`.
    UpdateGroup(UpdateGroupInput),
    /// `UpdateLoginProfile`.
    UpdateLoginProfile(UpdateLoginProfileInput),
    /// `UpdateOpenIDConnectProviderThumbprint`.
    UpdateOpenIDConnectProviderThumbprint(UpdateOpenIDConnectProviderThumbprintInput),
    /// `UpdateRole`.
    UpdateRole(UpdateRoleInput),
    /// `UpdateRoleDescription`.
    UpdateRoleDescription(UpdateRoleDescriptionInput),
    /// `UpdateSAMLProvider`.
    UpdateSAMLProvider(UpdateSAMLProviderInput),
    /// `UpdateSSHPublicKey`.
    UpdateSSHPublicKey(UpdateSSHPublicKeyInput),
    /// `UpdateServerCertificate`.
    UpdateServerCertificate(UpdateServerCertificateInput),
    /// `UpdateServiceSpecificCredential`.
    UpdateServiceSpecificCredential(UpdateServiceSpecificCredentialInput),
    /// `UpdateSigningCertificate`.
    UpdateSigningCertificate(UpdateSigningCertificateInput),
    /// `UpdateUser`.
    UpdateUser(UpdateUserInput),
    /// `UploadSSHPublicKey`.
    UploadSSHPublicKey(UploadSSHPublicKeyInput),
    /// `UploadServerCertificate`.
    UploadServerCertificate(UploadServerCertificateInput),
    /// `UploadSigningCertificate`.
    UploadSigningCertificate(UploadSigningCertificateInput),
}

impl IamRequest {
    /// Decodes and validates the input of `operation` from the request parameters.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing every violated model constraint (api.md §1.6).
    pub fn from_query(
        operation: IamOperation,
        params: &QueryParams,
    ) -> Result<Self, ValidationErrors> {
        Ok(match operation {
            IamOperation::AcceptDelegationRequest => {
                Self::AcceptDelegationRequest(AcceptDelegationRequestInput::from_query(params)?)
            }
            IamOperation::AddClientIDToOpenIDConnectProvider => {
                Self::AddClientIDToOpenIDConnectProvider(
                    AddClientIDToOpenIDConnectProviderInput::from_query(params)?,
                )
            }
            IamOperation::AddRoleToInstanceProfile => {
                Self::AddRoleToInstanceProfile(AddRoleToInstanceProfileInput::from_query(params)?)
            }
            IamOperation::AddUserToGroup => {
                Self::AddUserToGroup(AddUserToGroupInput::from_query(params)?)
            }
            IamOperation::AssociateDelegationRequest => Self::AssociateDelegationRequest(
                AssociateDelegationRequestInput::from_query(params)?,
            ),
            IamOperation::AttachGroupPolicy => {
                Self::AttachGroupPolicy(AttachGroupPolicyInput::from_query(params)?)
            }
            IamOperation::AttachRolePolicy => {
                Self::AttachRolePolicy(AttachRolePolicyInput::from_query(params)?)
            }
            IamOperation::AttachUserPolicy => {
                Self::AttachUserPolicy(AttachUserPolicyInput::from_query(params)?)
            }
            IamOperation::ChangePassword => {
                Self::ChangePassword(ChangePasswordInput::from_query(params)?)
            }
            IamOperation::CreateAccessKey => {
                Self::CreateAccessKey(CreateAccessKeyInput::from_query(params)?)
            }
            IamOperation::CreateAccountAlias => {
                Self::CreateAccountAlias(CreateAccountAliasInput::from_query(params)?)
            }
            IamOperation::CreateDelegationRequest => {
                Self::CreateDelegationRequest(CreateDelegationRequestInput::from_query(params)?)
            }
            IamOperation::CreateGroup => Self::CreateGroup(CreateGroupInput::from_query(params)?),
            IamOperation::CreateInstanceProfile => {
                Self::CreateInstanceProfile(CreateInstanceProfileInput::from_query(params)?)
            }
            IamOperation::CreateLoginProfile => {
                Self::CreateLoginProfile(CreateLoginProfileInput::from_query(params)?)
            }
            IamOperation::CreateOpenIDConnectProvider => Self::CreateOpenIDConnectProvider(
                CreateOpenIDConnectProviderInput::from_query(params)?,
            ),
            IamOperation::CreatePolicy => {
                Self::CreatePolicy(CreatePolicyInput::from_query(params)?)
            }
            IamOperation::CreatePolicyVersion => {
                Self::CreatePolicyVersion(CreatePolicyVersionInput::from_query(params)?)
            }
            IamOperation::CreateRole => Self::CreateRole(CreateRoleInput::from_query(params)?),
            IamOperation::CreateSAMLProvider => {
                Self::CreateSAMLProvider(CreateSAMLProviderInput::from_query(params)?)
            }
            IamOperation::CreateServiceLinkedRole => {
                Self::CreateServiceLinkedRole(CreateServiceLinkedRoleInput::from_query(params)?)
            }
            IamOperation::CreateServiceSpecificCredential => Self::CreateServiceSpecificCredential(
                CreateServiceSpecificCredentialInput::from_query(params)?,
            ),
            IamOperation::CreateUser => Self::CreateUser(CreateUserInput::from_query(params)?),
            IamOperation::CreateVirtualMFADevice => {
                Self::CreateVirtualMFADevice(CreateVirtualMFADeviceInput::from_query(params)?)
            }
            IamOperation::DeactivateMFADevice => {
                Self::DeactivateMFADevice(DeactivateMFADeviceInput::from_query(params)?)
            }
            IamOperation::DeleteAccessKey => {
                Self::DeleteAccessKey(DeleteAccessKeyInput::from_query(params)?)
            }
            IamOperation::DeleteAccountAlias => {
                Self::DeleteAccountAlias(DeleteAccountAliasInput::from_query(params)?)
            }
            IamOperation::DeleteAccountPasswordPolicy => Self::DeleteAccountPasswordPolicy,
            IamOperation::DeleteGroup => Self::DeleteGroup(DeleteGroupInput::from_query(params)?),
            IamOperation::DeleteGroupPolicy => {
                Self::DeleteGroupPolicy(DeleteGroupPolicyInput::from_query(params)?)
            }
            IamOperation::DeleteInstanceProfile => {
                Self::DeleteInstanceProfile(DeleteInstanceProfileInput::from_query(params)?)
            }
            IamOperation::DeleteLoginProfile => {
                Self::DeleteLoginProfile(DeleteLoginProfileInput::from_query(params)?)
            }
            IamOperation::DeleteOpenIDConnectProvider => Self::DeleteOpenIDConnectProvider(
                DeleteOpenIDConnectProviderInput::from_query(params)?,
            ),
            IamOperation::DeletePolicy => {
                Self::DeletePolicy(DeletePolicyInput::from_query(params)?)
            }
            IamOperation::DeletePolicyVersion => {
                Self::DeletePolicyVersion(DeletePolicyVersionInput::from_query(params)?)
            }
            IamOperation::DeleteRole => Self::DeleteRole(DeleteRoleInput::from_query(params)?),
            IamOperation::DeleteRolePermissionsBoundary => Self::DeleteRolePermissionsBoundary(
                DeleteRolePermissionsBoundaryInput::from_query(params)?,
            ),
            IamOperation::DeleteRolePolicy => {
                Self::DeleteRolePolicy(DeleteRolePolicyInput::from_query(params)?)
            }
            IamOperation::DeleteSAMLProvider => {
                Self::DeleteSAMLProvider(DeleteSAMLProviderInput::from_query(params)?)
            }
            IamOperation::DeleteSSHPublicKey => {
                Self::DeleteSSHPublicKey(DeleteSSHPublicKeyInput::from_query(params)?)
            }
            IamOperation::DeleteServerCertificate => {
                Self::DeleteServerCertificate(DeleteServerCertificateInput::from_query(params)?)
            }
            IamOperation::DeleteServiceLinkedRole => {
                Self::DeleteServiceLinkedRole(DeleteServiceLinkedRoleInput::from_query(params)?)
            }
            IamOperation::DeleteServiceSpecificCredential => Self::DeleteServiceSpecificCredential(
                DeleteServiceSpecificCredentialInput::from_query(params)?,
            ),
            IamOperation::DeleteSigningCertificate => {
                Self::DeleteSigningCertificate(DeleteSigningCertificateInput::from_query(params)?)
            }
            IamOperation::DeleteUser => Self::DeleteUser(DeleteUserInput::from_query(params)?),
            IamOperation::DeleteUserPermissionsBoundary => Self::DeleteUserPermissionsBoundary(
                DeleteUserPermissionsBoundaryInput::from_query(params)?,
            ),
            IamOperation::DeleteUserPolicy => {
                Self::DeleteUserPolicy(DeleteUserPolicyInput::from_query(params)?)
            }
            IamOperation::DeleteVirtualMFADevice => {
                Self::DeleteVirtualMFADevice(DeleteVirtualMFADeviceInput::from_query(params)?)
            }
            IamOperation::DetachGroupPolicy => {
                Self::DetachGroupPolicy(DetachGroupPolicyInput::from_query(params)?)
            }
            IamOperation::DetachRolePolicy => {
                Self::DetachRolePolicy(DetachRolePolicyInput::from_query(params)?)
            }
            IamOperation::DetachUserPolicy => {
                Self::DetachUserPolicy(DetachUserPolicyInput::from_query(params)?)
            }
            IamOperation::DisableOrganizationsRootCredentialsManagement => {
                Self::DisableOrganizationsRootCredentialsManagement(
                    DisableOrganizationsRootCredentialsManagementInput::from_query(params)?,
                )
            }
            IamOperation::DisableOrganizationsRootSessions => {
                Self::DisableOrganizationsRootSessions(
                    DisableOrganizationsRootSessionsInput::from_query(params)?,
                )
            }
            IamOperation::DisableOutboundWebIdentityFederation => {
                Self::DisableOutboundWebIdentityFederation
            }
            IamOperation::EnableMFADevice => {
                Self::EnableMFADevice(EnableMFADeviceInput::from_query(params)?)
            }
            IamOperation::EnableOrganizationsRootCredentialsManagement => {
                Self::EnableOrganizationsRootCredentialsManagement(
                    EnableOrganizationsRootCredentialsManagementInput::from_query(params)?,
                )
            }
            IamOperation::EnableOrganizationsRootSessions => Self::EnableOrganizationsRootSessions(
                EnableOrganizationsRootSessionsInput::from_query(params)?,
            ),
            IamOperation::EnableOutboundWebIdentityFederation => {
                Self::EnableOutboundWebIdentityFederation
            }
            IamOperation::GenerateCredentialReport => Self::GenerateCredentialReport,
            IamOperation::GenerateOrganizationsAccessReport => {
                Self::GenerateOrganizationsAccessReport(
                    GenerateOrganizationsAccessReportInput::from_query(params)?,
                )
            }
            IamOperation::GenerateServiceLastAccessedDetails => {
                Self::GenerateServiceLastAccessedDetails(
                    GenerateServiceLastAccessedDetailsInput::from_query(params)?,
                )
            }
            IamOperation::GetAccessKeyLastUsed => {
                Self::GetAccessKeyLastUsed(GetAccessKeyLastUsedInput::from_query(params)?)
            }
            IamOperation::GetAccountAuthorizationDetails => Self::GetAccountAuthorizationDetails(
                GetAccountAuthorizationDetailsInput::from_query(params)?,
            ),
            IamOperation::GetAccountPasswordPolicy => Self::GetAccountPasswordPolicy,
            IamOperation::GetAccountSummary => Self::GetAccountSummary,
            IamOperation::GetContextKeysForCustomPolicy => Self::GetContextKeysForCustomPolicy(
                GetContextKeysForCustomPolicyInput::from_query(params)?,
            ),
            IamOperation::GetContextKeysForPrincipalPolicy => {
                Self::GetContextKeysForPrincipalPolicy(
                    GetContextKeysForPrincipalPolicyInput::from_query(params)?,
                )
            }
            IamOperation::GetCredentialReport => Self::GetCredentialReport,
            IamOperation::GetDelegationRequest => {
                Self::GetDelegationRequest(GetDelegationRequestInput::from_query(params)?)
            }
            IamOperation::GetGroup => Self::GetGroup(GetGroupInput::from_query(params)?),
            IamOperation::GetGroupPolicy => {
                Self::GetGroupPolicy(GetGroupPolicyInput::from_query(params)?)
            }
            IamOperation::GetHumanReadableSummary => {
                Self::GetHumanReadableSummary(GetHumanReadableSummaryInput::from_query(params)?)
            }
            IamOperation::GetInstanceProfile => {
                Self::GetInstanceProfile(GetInstanceProfileInput::from_query(params)?)
            }
            IamOperation::GetLoginProfile => {
                Self::GetLoginProfile(GetLoginProfileInput::from_query(params)?)
            }
            IamOperation::GetMFADevice => {
                Self::GetMFADevice(GetMFADeviceInput::from_query(params)?)
            }
            IamOperation::GetOpenIDConnectProvider => {
                Self::GetOpenIDConnectProvider(GetOpenIDConnectProviderInput::from_query(params)?)
            }
            IamOperation::GetOrganizationsAccessReport => Self::GetOrganizationsAccessReport(
                GetOrganizationsAccessReportInput::from_query(params)?,
            ),
            IamOperation::GetOutboundWebIdentityFederationInfo => {
                Self::GetOutboundWebIdentityFederationInfo
            }
            IamOperation::GetPolicy => Self::GetPolicy(GetPolicyInput::from_query(params)?),
            IamOperation::GetPolicyVersion => {
                Self::GetPolicyVersion(GetPolicyVersionInput::from_query(params)?)
            }
            IamOperation::GetRole => Self::GetRole(GetRoleInput::from_query(params)?),
            IamOperation::GetRolePolicy => {
                Self::GetRolePolicy(GetRolePolicyInput::from_query(params)?)
            }
            IamOperation::GetSAMLProvider => {
                Self::GetSAMLProvider(GetSAMLProviderInput::from_query(params)?)
            }
            IamOperation::GetSSHPublicKey => {
                Self::GetSSHPublicKey(GetSSHPublicKeyInput::from_query(params)?)
            }
            IamOperation::GetServerCertificate => {
                Self::GetServerCertificate(GetServerCertificateInput::from_query(params)?)
            }
            IamOperation::GetServiceLastAccessedDetails => Self::GetServiceLastAccessedDetails(
                GetServiceLastAccessedDetailsInput::from_query(params)?,
            ),
            IamOperation::GetServiceLastAccessedDetailsWithEntities => {
                Self::GetServiceLastAccessedDetailsWithEntities(
                    GetServiceLastAccessedDetailsWithEntitiesInput::from_query(params)?,
                )
            }
            IamOperation::GetServiceLinkedRoleDeletionStatus => {
                Self::GetServiceLinkedRoleDeletionStatus(
                    GetServiceLinkedRoleDeletionStatusInput::from_query(params)?,
                )
            }
            IamOperation::GetUser => Self::GetUser(GetUserInput::from_query(params)?),
            IamOperation::GetUserPolicy => {
                Self::GetUserPolicy(GetUserPolicyInput::from_query(params)?)
            }
            IamOperation::ListAccessKeys => {
                Self::ListAccessKeys(ListAccessKeysInput::from_query(params)?)
            }
            IamOperation::ListAccountAliases => {
                Self::ListAccountAliases(ListAccountAliasesInput::from_query(params)?)
            }
            IamOperation::ListAttachedGroupPolicies => {
                Self::ListAttachedGroupPolicies(ListAttachedGroupPoliciesInput::from_query(params)?)
            }
            IamOperation::ListAttachedRolePolicies => {
                Self::ListAttachedRolePolicies(ListAttachedRolePoliciesInput::from_query(params)?)
            }
            IamOperation::ListAttachedUserPolicies => {
                Self::ListAttachedUserPolicies(ListAttachedUserPoliciesInput::from_query(params)?)
            }
            IamOperation::ListDelegationRequests => {
                Self::ListDelegationRequests(ListDelegationRequestsInput::from_query(params)?)
            }
            IamOperation::ListEntitiesForPolicy => {
                Self::ListEntitiesForPolicy(ListEntitiesForPolicyInput::from_query(params)?)
            }
            IamOperation::ListGroupPolicies => {
                Self::ListGroupPolicies(ListGroupPoliciesInput::from_query(params)?)
            }
            IamOperation::ListGroups => Self::ListGroups(ListGroupsInput::from_query(params)?),
            IamOperation::ListGroupsForUser => {
                Self::ListGroupsForUser(ListGroupsForUserInput::from_query(params)?)
            }
            IamOperation::ListInstanceProfileTags => {
                Self::ListInstanceProfileTags(ListInstanceProfileTagsInput::from_query(params)?)
            }
            IamOperation::ListInstanceProfiles => {
                Self::ListInstanceProfiles(ListInstanceProfilesInput::from_query(params)?)
            }
            IamOperation::ListInstanceProfilesForRole => Self::ListInstanceProfilesForRole(
                ListInstanceProfilesForRoleInput::from_query(params)?,
            ),
            IamOperation::ListMFADeviceTags => {
                Self::ListMFADeviceTags(ListMFADeviceTagsInput::from_query(params)?)
            }
            IamOperation::ListMFADevices => {
                Self::ListMFADevices(ListMFADevicesInput::from_query(params)?)
            }
            IamOperation::ListOpenIDConnectProviderTags => Self::ListOpenIDConnectProviderTags(
                ListOpenIDConnectProviderTagsInput::from_query(params)?,
            ),
            IamOperation::ListOpenIDConnectProviders => Self::ListOpenIDConnectProviders(
                ListOpenIDConnectProvidersInput::from_query(params)?,
            ),
            IamOperation::ListOrganizationsFeatures => {
                Self::ListOrganizationsFeatures(ListOrganizationsFeaturesInput::from_query(params)?)
            }
            IamOperation::ListPolicies => {
                Self::ListPolicies(ListPoliciesInput::from_query(params)?)
            }
            IamOperation::ListPoliciesGrantingServiceAccess => {
                Self::ListPoliciesGrantingServiceAccess(
                    ListPoliciesGrantingServiceAccessInput::from_query(params)?,
                )
            }
            IamOperation::ListPolicyTags => {
                Self::ListPolicyTags(ListPolicyTagsInput::from_query(params)?)
            }
            IamOperation::ListPolicyVersions => {
                Self::ListPolicyVersions(ListPolicyVersionsInput::from_query(params)?)
            }
            IamOperation::ListRolePolicies => {
                Self::ListRolePolicies(ListRolePoliciesInput::from_query(params)?)
            }
            IamOperation::ListRoleTags => {
                Self::ListRoleTags(ListRoleTagsInput::from_query(params)?)
            }
            IamOperation::ListRoles => Self::ListRoles(ListRolesInput::from_query(params)?),
            IamOperation::ListSAMLProviderTags => {
                Self::ListSAMLProviderTags(ListSAMLProviderTagsInput::from_query(params)?)
            }
            IamOperation::ListSAMLProviders => {
                Self::ListSAMLProviders(ListSAMLProvidersInput::from_query(params)?)
            }
            IamOperation::ListSSHPublicKeys => {
                Self::ListSSHPublicKeys(ListSSHPublicKeysInput::from_query(params)?)
            }
            IamOperation::ListServerCertificateTags => {
                Self::ListServerCertificateTags(ListServerCertificateTagsInput::from_query(params)?)
            }
            IamOperation::ListServerCertificates => {
                Self::ListServerCertificates(ListServerCertificatesInput::from_query(params)?)
            }
            IamOperation::ListServiceSpecificCredentials => Self::ListServiceSpecificCredentials(
                ListServiceSpecificCredentialsInput::from_query(params)?,
            ),
            IamOperation::ListSigningCertificates => {
                Self::ListSigningCertificates(ListSigningCertificatesInput::from_query(params)?)
            }
            IamOperation::ListUserPolicies => {
                Self::ListUserPolicies(ListUserPoliciesInput::from_query(params)?)
            }
            IamOperation::ListUserTags => {
                Self::ListUserTags(ListUserTagsInput::from_query(params)?)
            }
            IamOperation::ListUsers => Self::ListUsers(ListUsersInput::from_query(params)?),
            IamOperation::ListVirtualMFADevices => {
                Self::ListVirtualMFADevices(ListVirtualMFADevicesInput::from_query(params)?)
            }
            IamOperation::PutGroupPolicy => {
                Self::PutGroupPolicy(PutGroupPolicyInput::from_query(params)?)
            }
            IamOperation::PutRolePermissionsBoundary => Self::PutRolePermissionsBoundary(
                PutRolePermissionsBoundaryInput::from_query(params)?,
            ),
            IamOperation::PutRolePolicy => {
                Self::PutRolePolicy(PutRolePolicyInput::from_query(params)?)
            }
            IamOperation::PutUserPermissionsBoundary => Self::PutUserPermissionsBoundary(
                PutUserPermissionsBoundaryInput::from_query(params)?,
            ),
            IamOperation::PutUserPolicy => {
                Self::PutUserPolicy(PutUserPolicyInput::from_query(params)?)
            }
            IamOperation::RejectDelegationRequest => {
                Self::RejectDelegationRequest(RejectDelegationRequestInput::from_query(params)?)
            }
            IamOperation::RemoveClientIDFromOpenIDConnectProvider => {
                Self::RemoveClientIDFromOpenIDConnectProvider(
                    RemoveClientIDFromOpenIDConnectProviderInput::from_query(params)?,
                )
            }
            IamOperation::RemoveRoleFromInstanceProfile => Self::RemoveRoleFromInstanceProfile(
                RemoveRoleFromInstanceProfileInput::from_query(params)?,
            ),
            IamOperation::RemoveUserFromGroup => {
                Self::RemoveUserFromGroup(RemoveUserFromGroupInput::from_query(params)?)
            }
            IamOperation::ResetServiceSpecificCredential => Self::ResetServiceSpecificCredential(
                ResetServiceSpecificCredentialInput::from_query(params)?,
            ),
            IamOperation::ResyncMFADevice => {
                Self::ResyncMFADevice(ResyncMFADeviceInput::from_query(params)?)
            }
            IamOperation::SendDelegationToken => {
                Self::SendDelegationToken(SendDelegationTokenInput::from_query(params)?)
            }
            IamOperation::SetDefaultPolicyVersion => {
                Self::SetDefaultPolicyVersion(SetDefaultPolicyVersionInput::from_query(params)?)
            }
            IamOperation::SetSecurityTokenServicePreferences => {
                Self::SetSecurityTokenServicePreferences(
                    SetSecurityTokenServicePreferencesInput::from_query(params)?,
                )
            }
            IamOperation::SimulateCustomPolicy => {
                Self::SimulateCustomPolicy(SimulateCustomPolicyInput::from_query(params)?)
            }
            IamOperation::SimulatePrincipalPolicy => {
                Self::SimulatePrincipalPolicy(SimulatePrincipalPolicyInput::from_query(params)?)
            }
            IamOperation::TagInstanceProfile => {
                Self::TagInstanceProfile(TagInstanceProfileInput::from_query(params)?)
            }
            IamOperation::TagMFADevice => {
                Self::TagMFADevice(TagMFADeviceInput::from_query(params)?)
            }
            IamOperation::TagOpenIDConnectProvider => {
                Self::TagOpenIDConnectProvider(TagOpenIDConnectProviderInput::from_query(params)?)
            }
            IamOperation::TagPolicy => Self::TagPolicy(TagPolicyInput::from_query(params)?),
            IamOperation::TagRole => Self::TagRole(TagRoleInput::from_query(params)?),
            IamOperation::TagSAMLProvider => {
                Self::TagSAMLProvider(TagSAMLProviderInput::from_query(params)?)
            }
            IamOperation::TagServerCertificate => {
                Self::TagServerCertificate(TagServerCertificateInput::from_query(params)?)
            }
            IamOperation::TagUser => Self::TagUser(TagUserInput::from_query(params)?),
            IamOperation::UntagInstanceProfile => {
                Self::UntagInstanceProfile(UntagInstanceProfileInput::from_query(params)?)
            }
            IamOperation::UntagMFADevice => {
                Self::UntagMFADevice(UntagMFADeviceInput::from_query(params)?)
            }
            IamOperation::UntagOpenIDConnectProvider => Self::UntagOpenIDConnectProvider(
                UntagOpenIDConnectProviderInput::from_query(params)?,
            ),
            IamOperation::UntagPolicy => Self::UntagPolicy(UntagPolicyInput::from_query(params)?),
            IamOperation::UntagRole => Self::UntagRole(UntagRoleInput::from_query(params)?),
            IamOperation::UntagSAMLProvider => {
                Self::UntagSAMLProvider(UntagSAMLProviderInput::from_query(params)?)
            }
            IamOperation::UntagServerCertificate => {
                Self::UntagServerCertificate(UntagServerCertificateInput::from_query(params)?)
            }
            IamOperation::UntagUser => Self::UntagUser(UntagUserInput::from_query(params)?),
            IamOperation::UpdateAccessKey => {
                Self::UpdateAccessKey(UpdateAccessKeyInput::from_query(params)?)
            }
            IamOperation::UpdateAccountPasswordPolicy => Self::UpdateAccountPasswordPolicy(
                UpdateAccountPasswordPolicyInput::from_query(params)?,
            ),
            IamOperation::UpdateAssumeRolePolicy => {
                Self::UpdateAssumeRolePolicy(UpdateAssumeRolePolicyInput::from_query(params)?)
            }
            IamOperation::UpdateDelegationRequest => {
                Self::UpdateDelegationRequest(UpdateDelegationRequestInput::from_query(params)?)
            }
            IamOperation::UpdateGroup => Self::UpdateGroup(UpdateGroupInput::from_query(params)?),
            IamOperation::UpdateLoginProfile => {
                Self::UpdateLoginProfile(UpdateLoginProfileInput::from_query(params)?)
            }
            IamOperation::UpdateOpenIDConnectProviderThumbprint => {
                Self::UpdateOpenIDConnectProviderThumbprint(
                    UpdateOpenIDConnectProviderThumbprintInput::from_query(params)?,
                )
            }
            IamOperation::UpdateRole => Self::UpdateRole(UpdateRoleInput::from_query(params)?),
            IamOperation::UpdateRoleDescription => {
                Self::UpdateRoleDescription(UpdateRoleDescriptionInput::from_query(params)?)
            }
            IamOperation::UpdateSAMLProvider => {
                Self::UpdateSAMLProvider(UpdateSAMLProviderInput::from_query(params)?)
            }
            IamOperation::UpdateSSHPublicKey => {
                Self::UpdateSSHPublicKey(UpdateSSHPublicKeyInput::from_query(params)?)
            }
            IamOperation::UpdateServerCertificate => {
                Self::UpdateServerCertificate(UpdateServerCertificateInput::from_query(params)?)
            }
            IamOperation::UpdateServiceSpecificCredential => Self::UpdateServiceSpecificCredential(
                UpdateServiceSpecificCredentialInput::from_query(params)?,
            ),
            IamOperation::UpdateSigningCertificate => {
                Self::UpdateSigningCertificate(UpdateSigningCertificateInput::from_query(params)?)
            }
            IamOperation::UpdateUser => Self::UpdateUser(UpdateUserInput::from_query(params)?),
            IamOperation::UploadSSHPublicKey => {
                Self::UploadSSHPublicKey(UploadSSHPublicKeyInput::from_query(params)?)
            }
            IamOperation::UploadServerCertificate => {
                Self::UploadServerCertificate(UploadServerCertificateInput::from_query(params)?)
            }
            IamOperation::UploadSigningCertificate => {
                Self::UploadSigningCertificate(UploadSigningCertificateInput::from_query(params)?)
            }
        })
    }

    /// The operation this request is for.
    #[must_use]
    pub const fn operation(&self) -> IamOperation {
        match self {
            Self::AcceptDelegationRequest(_) => IamOperation::AcceptDelegationRequest,
            Self::AddClientIDToOpenIDConnectProvider(_) => {
                IamOperation::AddClientIDToOpenIDConnectProvider
            }
            Self::AddRoleToInstanceProfile(_) => IamOperation::AddRoleToInstanceProfile,
            Self::AddUserToGroup(_) => IamOperation::AddUserToGroup,
            Self::AssociateDelegationRequest(_) => IamOperation::AssociateDelegationRequest,
            Self::AttachGroupPolicy(_) => IamOperation::AttachGroupPolicy,
            Self::AttachRolePolicy(_) => IamOperation::AttachRolePolicy,
            Self::AttachUserPolicy(_) => IamOperation::AttachUserPolicy,
            Self::ChangePassword(_) => IamOperation::ChangePassword,
            Self::CreateAccessKey(_) => IamOperation::CreateAccessKey,
            Self::CreateAccountAlias(_) => IamOperation::CreateAccountAlias,
            Self::CreateDelegationRequest(_) => IamOperation::CreateDelegationRequest,
            Self::CreateGroup(_) => IamOperation::CreateGroup,
            Self::CreateInstanceProfile(_) => IamOperation::CreateInstanceProfile,
            Self::CreateLoginProfile(_) => IamOperation::CreateLoginProfile,
            Self::CreateOpenIDConnectProvider(_) => IamOperation::CreateOpenIDConnectProvider,
            Self::CreatePolicy(_) => IamOperation::CreatePolicy,
            Self::CreatePolicyVersion(_) => IamOperation::CreatePolicyVersion,
            Self::CreateRole(_) => IamOperation::CreateRole,
            Self::CreateSAMLProvider(_) => IamOperation::CreateSAMLProvider,
            Self::CreateServiceLinkedRole(_) => IamOperation::CreateServiceLinkedRole,
            Self::CreateServiceSpecificCredential(_) => {
                IamOperation::CreateServiceSpecificCredential
            }
            Self::CreateUser(_) => IamOperation::CreateUser,
            Self::CreateVirtualMFADevice(_) => IamOperation::CreateVirtualMFADevice,
            Self::DeactivateMFADevice(_) => IamOperation::DeactivateMFADevice,
            Self::DeleteAccessKey(_) => IamOperation::DeleteAccessKey,
            Self::DeleteAccountAlias(_) => IamOperation::DeleteAccountAlias,
            Self::DeleteAccountPasswordPolicy => IamOperation::DeleteAccountPasswordPolicy,
            Self::DeleteGroup(_) => IamOperation::DeleteGroup,
            Self::DeleteGroupPolicy(_) => IamOperation::DeleteGroupPolicy,
            Self::DeleteInstanceProfile(_) => IamOperation::DeleteInstanceProfile,
            Self::DeleteLoginProfile(_) => IamOperation::DeleteLoginProfile,
            Self::DeleteOpenIDConnectProvider(_) => IamOperation::DeleteOpenIDConnectProvider,
            Self::DeletePolicy(_) => IamOperation::DeletePolicy,
            Self::DeletePolicyVersion(_) => IamOperation::DeletePolicyVersion,
            Self::DeleteRole(_) => IamOperation::DeleteRole,
            Self::DeleteRolePermissionsBoundary(_) => IamOperation::DeleteRolePermissionsBoundary,
            Self::DeleteRolePolicy(_) => IamOperation::DeleteRolePolicy,
            Self::DeleteSAMLProvider(_) => IamOperation::DeleteSAMLProvider,
            Self::DeleteSSHPublicKey(_) => IamOperation::DeleteSSHPublicKey,
            Self::DeleteServerCertificate(_) => IamOperation::DeleteServerCertificate,
            Self::DeleteServiceLinkedRole(_) => IamOperation::DeleteServiceLinkedRole,
            Self::DeleteServiceSpecificCredential(_) => {
                IamOperation::DeleteServiceSpecificCredential
            }
            Self::DeleteSigningCertificate(_) => IamOperation::DeleteSigningCertificate,
            Self::DeleteUser(_) => IamOperation::DeleteUser,
            Self::DeleteUserPermissionsBoundary(_) => IamOperation::DeleteUserPermissionsBoundary,
            Self::DeleteUserPolicy(_) => IamOperation::DeleteUserPolicy,
            Self::DeleteVirtualMFADevice(_) => IamOperation::DeleteVirtualMFADevice,
            Self::DetachGroupPolicy(_) => IamOperation::DetachGroupPolicy,
            Self::DetachRolePolicy(_) => IamOperation::DetachRolePolicy,
            Self::DetachUserPolicy(_) => IamOperation::DetachUserPolicy,
            Self::DisableOrganizationsRootCredentialsManagement(_) => {
                IamOperation::DisableOrganizationsRootCredentialsManagement
            }
            Self::DisableOrganizationsRootSessions(_) => {
                IamOperation::DisableOrganizationsRootSessions
            }
            Self::DisableOutboundWebIdentityFederation => {
                IamOperation::DisableOutboundWebIdentityFederation
            }
            Self::EnableMFADevice(_) => IamOperation::EnableMFADevice,
            Self::EnableOrganizationsRootCredentialsManagement(_) => {
                IamOperation::EnableOrganizationsRootCredentialsManagement
            }
            Self::EnableOrganizationsRootSessions(_) => {
                IamOperation::EnableOrganizationsRootSessions
            }
            Self::EnableOutboundWebIdentityFederation => {
                IamOperation::EnableOutboundWebIdentityFederation
            }
            Self::GenerateCredentialReport => IamOperation::GenerateCredentialReport,
            Self::GenerateOrganizationsAccessReport(_) => {
                IamOperation::GenerateOrganizationsAccessReport
            }
            Self::GenerateServiceLastAccessedDetails(_) => {
                IamOperation::GenerateServiceLastAccessedDetails
            }
            Self::GetAccessKeyLastUsed(_) => IamOperation::GetAccessKeyLastUsed,
            Self::GetAccountAuthorizationDetails(_) => IamOperation::GetAccountAuthorizationDetails,
            Self::GetAccountPasswordPolicy => IamOperation::GetAccountPasswordPolicy,
            Self::GetAccountSummary => IamOperation::GetAccountSummary,
            Self::GetContextKeysForCustomPolicy(_) => IamOperation::GetContextKeysForCustomPolicy,
            Self::GetContextKeysForPrincipalPolicy(_) => {
                IamOperation::GetContextKeysForPrincipalPolicy
            }
            Self::GetCredentialReport => IamOperation::GetCredentialReport,
            Self::GetDelegationRequest(_) => IamOperation::GetDelegationRequest,
            Self::GetGroup(_) => IamOperation::GetGroup,
            Self::GetGroupPolicy(_) => IamOperation::GetGroupPolicy,
            Self::GetHumanReadableSummary(_) => IamOperation::GetHumanReadableSummary,
            Self::GetInstanceProfile(_) => IamOperation::GetInstanceProfile,
            Self::GetLoginProfile(_) => IamOperation::GetLoginProfile,
            Self::GetMFADevice(_) => IamOperation::GetMFADevice,
            Self::GetOpenIDConnectProvider(_) => IamOperation::GetOpenIDConnectProvider,
            Self::GetOrganizationsAccessReport(_) => IamOperation::GetOrganizationsAccessReport,
            Self::GetOutboundWebIdentityFederationInfo => {
                IamOperation::GetOutboundWebIdentityFederationInfo
            }
            Self::GetPolicy(_) => IamOperation::GetPolicy,
            Self::GetPolicyVersion(_) => IamOperation::GetPolicyVersion,
            Self::GetRole(_) => IamOperation::GetRole,
            Self::GetRolePolicy(_) => IamOperation::GetRolePolicy,
            Self::GetSAMLProvider(_) => IamOperation::GetSAMLProvider,
            Self::GetSSHPublicKey(_) => IamOperation::GetSSHPublicKey,
            Self::GetServerCertificate(_) => IamOperation::GetServerCertificate,
            Self::GetServiceLastAccessedDetails(_) => IamOperation::GetServiceLastAccessedDetails,
            Self::GetServiceLastAccessedDetailsWithEntities(_) => {
                IamOperation::GetServiceLastAccessedDetailsWithEntities
            }
            Self::GetServiceLinkedRoleDeletionStatus(_) => {
                IamOperation::GetServiceLinkedRoleDeletionStatus
            }
            Self::GetUser(_) => IamOperation::GetUser,
            Self::GetUserPolicy(_) => IamOperation::GetUserPolicy,
            Self::ListAccessKeys(_) => IamOperation::ListAccessKeys,
            Self::ListAccountAliases(_) => IamOperation::ListAccountAliases,
            Self::ListAttachedGroupPolicies(_) => IamOperation::ListAttachedGroupPolicies,
            Self::ListAttachedRolePolicies(_) => IamOperation::ListAttachedRolePolicies,
            Self::ListAttachedUserPolicies(_) => IamOperation::ListAttachedUserPolicies,
            Self::ListDelegationRequests(_) => IamOperation::ListDelegationRequests,
            Self::ListEntitiesForPolicy(_) => IamOperation::ListEntitiesForPolicy,
            Self::ListGroupPolicies(_) => IamOperation::ListGroupPolicies,
            Self::ListGroups(_) => IamOperation::ListGroups,
            Self::ListGroupsForUser(_) => IamOperation::ListGroupsForUser,
            Self::ListInstanceProfileTags(_) => IamOperation::ListInstanceProfileTags,
            Self::ListInstanceProfiles(_) => IamOperation::ListInstanceProfiles,
            Self::ListInstanceProfilesForRole(_) => IamOperation::ListInstanceProfilesForRole,
            Self::ListMFADeviceTags(_) => IamOperation::ListMFADeviceTags,
            Self::ListMFADevices(_) => IamOperation::ListMFADevices,
            Self::ListOpenIDConnectProviderTags(_) => IamOperation::ListOpenIDConnectProviderTags,
            Self::ListOpenIDConnectProviders(_) => IamOperation::ListOpenIDConnectProviders,
            Self::ListOrganizationsFeatures(_) => IamOperation::ListOrganizationsFeatures,
            Self::ListPolicies(_) => IamOperation::ListPolicies,
            Self::ListPoliciesGrantingServiceAccess(_) => {
                IamOperation::ListPoliciesGrantingServiceAccess
            }
            Self::ListPolicyTags(_) => IamOperation::ListPolicyTags,
            Self::ListPolicyVersions(_) => IamOperation::ListPolicyVersions,
            Self::ListRolePolicies(_) => IamOperation::ListRolePolicies,
            Self::ListRoleTags(_) => IamOperation::ListRoleTags,
            Self::ListRoles(_) => IamOperation::ListRoles,
            Self::ListSAMLProviderTags(_) => IamOperation::ListSAMLProviderTags,
            Self::ListSAMLProviders(_) => IamOperation::ListSAMLProviders,
            Self::ListSSHPublicKeys(_) => IamOperation::ListSSHPublicKeys,
            Self::ListServerCertificateTags(_) => IamOperation::ListServerCertificateTags,
            Self::ListServerCertificates(_) => IamOperation::ListServerCertificates,
            Self::ListServiceSpecificCredentials(_) => IamOperation::ListServiceSpecificCredentials,
            Self::ListSigningCertificates(_) => IamOperation::ListSigningCertificates,
            Self::ListUserPolicies(_) => IamOperation::ListUserPolicies,
            Self::ListUserTags(_) => IamOperation::ListUserTags,
            Self::ListUsers(_) => IamOperation::ListUsers,
            Self::ListVirtualMFADevices(_) => IamOperation::ListVirtualMFADevices,
            Self::PutGroupPolicy(_) => IamOperation::PutGroupPolicy,
            Self::PutRolePermissionsBoundary(_) => IamOperation::PutRolePermissionsBoundary,
            Self::PutRolePolicy(_) => IamOperation::PutRolePolicy,
            Self::PutUserPermissionsBoundary(_) => IamOperation::PutUserPermissionsBoundary,
            Self::PutUserPolicy(_) => IamOperation::PutUserPolicy,
            Self::RejectDelegationRequest(_) => IamOperation::RejectDelegationRequest,
            Self::RemoveClientIDFromOpenIDConnectProvider(_) => {
                IamOperation::RemoveClientIDFromOpenIDConnectProvider
            }
            Self::RemoveRoleFromInstanceProfile(_) => IamOperation::RemoveRoleFromInstanceProfile,
            Self::RemoveUserFromGroup(_) => IamOperation::RemoveUserFromGroup,
            Self::ResetServiceSpecificCredential(_) => IamOperation::ResetServiceSpecificCredential,
            Self::ResyncMFADevice(_) => IamOperation::ResyncMFADevice,
            Self::SendDelegationToken(_) => IamOperation::SendDelegationToken,
            Self::SetDefaultPolicyVersion(_) => IamOperation::SetDefaultPolicyVersion,
            Self::SetSecurityTokenServicePreferences(_) => {
                IamOperation::SetSecurityTokenServicePreferences
            }
            Self::SimulateCustomPolicy(_) => IamOperation::SimulateCustomPolicy,
            Self::SimulatePrincipalPolicy(_) => IamOperation::SimulatePrincipalPolicy,
            Self::TagInstanceProfile(_) => IamOperation::TagInstanceProfile,
            Self::TagMFADevice(_) => IamOperation::TagMFADevice,
            Self::TagOpenIDConnectProvider(_) => IamOperation::TagOpenIDConnectProvider,
            Self::TagPolicy(_) => IamOperation::TagPolicy,
            Self::TagRole(_) => IamOperation::TagRole,
            Self::TagSAMLProvider(_) => IamOperation::TagSAMLProvider,
            Self::TagServerCertificate(_) => IamOperation::TagServerCertificate,
            Self::TagUser(_) => IamOperation::TagUser,
            Self::UntagInstanceProfile(_) => IamOperation::UntagInstanceProfile,
            Self::UntagMFADevice(_) => IamOperation::UntagMFADevice,
            Self::UntagOpenIDConnectProvider(_) => IamOperation::UntagOpenIDConnectProvider,
            Self::UntagPolicy(_) => IamOperation::UntagPolicy,
            Self::UntagRole(_) => IamOperation::UntagRole,
            Self::UntagSAMLProvider(_) => IamOperation::UntagSAMLProvider,
            Self::UntagServerCertificate(_) => IamOperation::UntagServerCertificate,
            Self::UntagUser(_) => IamOperation::UntagUser,
            Self::UpdateAccessKey(_) => IamOperation::UpdateAccessKey,
            Self::UpdateAccountPasswordPolicy(_) => IamOperation::UpdateAccountPasswordPolicy,
            Self::UpdateAssumeRolePolicy(_) => IamOperation::UpdateAssumeRolePolicy,
            Self::UpdateDelegationRequest(_) => IamOperation::UpdateDelegationRequest,
            Self::UpdateGroup(_) => IamOperation::UpdateGroup,
            Self::UpdateLoginProfile(_) => IamOperation::UpdateLoginProfile,
            Self::UpdateOpenIDConnectProviderThumbprint(_) => {
                IamOperation::UpdateOpenIDConnectProviderThumbprint
            }
            Self::UpdateRole(_) => IamOperation::UpdateRole,
            Self::UpdateRoleDescription(_) => IamOperation::UpdateRoleDescription,
            Self::UpdateSAMLProvider(_) => IamOperation::UpdateSAMLProvider,
            Self::UpdateSSHPublicKey(_) => IamOperation::UpdateSSHPublicKey,
            Self::UpdateServerCertificate(_) => IamOperation::UpdateServerCertificate,
            Self::UpdateServiceSpecificCredential(_) => {
                IamOperation::UpdateServiceSpecificCredential
            }
            Self::UpdateSigningCertificate(_) => IamOperation::UpdateSigningCertificate,
            Self::UpdateUser(_) => IamOperation::UpdateUser,
            Self::UploadSSHPublicKey(_) => IamOperation::UploadSSHPublicKey,
            Self::UploadServerCertificate(_) => IamOperation::UploadServerCertificate,
            Self::UploadSigningCertificate(_) => IamOperation::UploadSigningCertificate,
        }
    }
}

/// The modelled error shapes of IAM (api.md Appendix B), alphabetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IamError {
    /// The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access .
    AccountNotManagementOrDelegatedAdministratorException,
    /// The request was rejected because the account making the request is not the management account for the organization.
    CallerIsNotManagementAccountException,
    /// The request was rejected because multiple requests to change this object were submitted simultaneously.
    ConcurrentModificationException,
    /// The request was rejected because the most recent credential report has expired.
    CredentialReportExpiredException,
    /// The request was rejected because the credential report does not exist.
    CredentialReportNotPresentException,
    /// The request was rejected because the credential report is still being generated.
    CredentialReportNotReadyException,
    /// The request was rejected because it attempted to delete a resource that has attached subordinate entities.
    DeleteConflictException,
    /// The request was rejected because the same certificate is associated with an IAM user in the account.
    DuplicateCertificateException,
    /// The request was rejected because the SSH public key is already associated with the specified IAM user.
    DuplicateSSHPublicKeyException,
    /// The request was rejected because it attempted to create a resource that already exists.
    EntityAlreadyExistsException,
    /// The request was rejected because it referenced an entity that is temporarily unmodifiable, such as a user name that was deleted and then recreated.
    EntityTemporarilyUnmodifiableException,
    /// The request failed because outbound identity federation is already disabled for your Amazon Web Services account.
    FeatureDisabledException,
    /// The request failed because outbound identity federation is already enabled for your Amazon Web Services account.
    FeatureEnabledException,
    /// The request was rejected because the authentication code was not recognized.
    InvalidAuthenticationCodeException,
    /// The request was rejected because the certificate is invalid.
    InvalidCertificateException,
    /// The request was rejected because an invalid or out-of-range value was supplied for an input parameter.
    InvalidInputException,
    /// The request was rejected because the public key is malformed or otherwise invalid.
    InvalidPublicKeyException,
    /// The request was rejected because the type of user for the transaction was incorrect.
    InvalidUserTypeException,
    /// The request was rejected because the public key certificate and the private key do not match.
    KeyPairMismatchException,
    /// The request was rejected because it attempted to create resources beyond the current Amazon Web Services account limits.
    LimitExceededException,
    /// The request was rejected because the certificate was malformed or expired.
    MalformedCertificateException,
    /// The request was rejected because the policy document was malformed.
    MalformedPolicyDocumentException,
    /// The request was rejected because it referenced a resource entity that does not exist.
    NoSuchEntityException,
    /// The request failed because IAM cannot connect to the OpenID Connect identity provider URL.
    OpenIdIdpCommunicationErrorException,
    /// The request was rejected because no organization is associated with your account.
    OrganizationNotFoundException,
    /// The request was rejected because your organization does not have All features enabled.
    OrganizationNotInAllFeaturesModeException,
    /// The request was rejected because the provided password did not meet the requirements imposed by the account password policy.
    PasswordPolicyViolationException,
    /// The request failed because a provided policy could not be successfully evaluated.
    PolicyEvaluationException,
    /// The request failed because Amazon Web Services service role policies can only be attached to the service-linked role for that service.
    PolicyNotAttachableException,
    /// The request failed because the maximum number of concurrent requests for this account are already running.
    ReportGenerationLimitExceededException,
    /// The request was rejected because trusted access is not enabled for IAM in Organizations.
    ServiceAccessNotEnabledException,
    /// The request processing has failed because of an unknown error, exception or failure.
    ServiceFailureException,
    /// The specified service does not support service-specific credentials.
    ServiceNotSupportedException,
    /// The request was rejected because service-linked roles are protected Amazon Web Services resources.
    UnmodifiableEntityException,
    /// The request was rejected because the public key encoding format is unsupported or unrecognized.
    UnrecognizedPublicKeyEncodingException,
}

impl IamError {
    /// All 35 error shapes, alphabetical.
    pub const ALL: [Self; 35] = [
        Self::AccountNotManagementOrDelegatedAdministratorException,
        Self::CallerIsNotManagementAccountException,
        Self::ConcurrentModificationException,
        Self::CredentialReportExpiredException,
        Self::CredentialReportNotPresentException,
        Self::CredentialReportNotReadyException,
        Self::DeleteConflictException,
        Self::DuplicateCertificateException,
        Self::DuplicateSSHPublicKeyException,
        Self::EntityAlreadyExistsException,
        Self::EntityTemporarilyUnmodifiableException,
        Self::FeatureDisabledException,
        Self::FeatureEnabledException,
        Self::InvalidAuthenticationCodeException,
        Self::InvalidCertificateException,
        Self::InvalidInputException,
        Self::InvalidPublicKeyException,
        Self::InvalidUserTypeException,
        Self::KeyPairMismatchException,
        Self::LimitExceededException,
        Self::MalformedCertificateException,
        Self::MalformedPolicyDocumentException,
        Self::NoSuchEntityException,
        Self::OpenIdIdpCommunicationErrorException,
        Self::OrganizationNotFoundException,
        Self::OrganizationNotInAllFeaturesModeException,
        Self::PasswordPolicyViolationException,
        Self::PolicyEvaluationException,
        Self::PolicyNotAttachableException,
        Self::ReportGenerationLimitExceededException,
        Self::ServiceAccessNotEnabledException,
        Self::ServiceFailureException,
        Self::ServiceNotSupportedException,
        Self::UnmodifiableEntityException,
        Self::UnrecognizedPublicKeyEncodingException,
    ];

    /// The model's shape name.
    #[must_use]
    pub const fn shape_name(self) -> &'static str {
        match self {
            Self::AccountNotManagementOrDelegatedAdministratorException => {
                "AccountNotManagementOrDelegatedAdministratorException"
            }
            Self::CallerIsNotManagementAccountException => "CallerIsNotManagementAccountException",
            Self::ConcurrentModificationException => "ConcurrentModificationException",
            Self::CredentialReportExpiredException => "CredentialReportExpiredException",
            Self::CredentialReportNotPresentException => "CredentialReportNotPresentException",
            Self::CredentialReportNotReadyException => "CredentialReportNotReadyException",
            Self::DeleteConflictException => "DeleteConflictException",
            Self::DuplicateCertificateException => "DuplicateCertificateException",
            Self::DuplicateSSHPublicKeyException => "DuplicateSSHPublicKeyException",
            Self::EntityAlreadyExistsException => "EntityAlreadyExistsException",
            Self::EntityTemporarilyUnmodifiableException => {
                "EntityTemporarilyUnmodifiableException"
            }
            Self::FeatureDisabledException => "FeatureDisabledException",
            Self::FeatureEnabledException => "FeatureEnabledException",
            Self::InvalidAuthenticationCodeException => "InvalidAuthenticationCodeException",
            Self::InvalidCertificateException => "InvalidCertificateException",
            Self::InvalidInputException => "InvalidInputException",
            Self::InvalidPublicKeyException => "InvalidPublicKeyException",
            Self::InvalidUserTypeException => "InvalidUserTypeException",
            Self::KeyPairMismatchException => "KeyPairMismatchException",
            Self::LimitExceededException => "LimitExceededException",
            Self::MalformedCertificateException => "MalformedCertificateException",
            Self::MalformedPolicyDocumentException => "MalformedPolicyDocumentException",
            Self::NoSuchEntityException => "NoSuchEntityException",
            Self::OpenIdIdpCommunicationErrorException => "OpenIdIdpCommunicationErrorException",
            Self::OrganizationNotFoundException => "OrganizationNotFoundException",
            Self::OrganizationNotInAllFeaturesModeException => {
                "OrganizationNotInAllFeaturesModeException"
            }
            Self::PasswordPolicyViolationException => "PasswordPolicyViolationException",
            Self::PolicyEvaluationException => "PolicyEvaluationException",
            Self::PolicyNotAttachableException => "PolicyNotAttachableException",
            Self::ReportGenerationLimitExceededException => {
                "ReportGenerationLimitExceededException"
            }
            Self::ServiceAccessNotEnabledException => "ServiceAccessNotEnabledException",
            Self::ServiceFailureException => "ServiceFailureException",
            Self::ServiceNotSupportedException => "ServiceNotSupportedException",
            Self::UnmodifiableEntityException => "UnmodifiableEntityException",
            Self::UnrecognizedPublicKeyEncodingException => {
                "UnrecognizedPublicKeyEncodingException"
            }
        }
    }

    /// How the error goes on the wire: `error.code` of the model (the shape name when
    /// absent), `error.httpStatusCode` (400 when absent), fault from the status.
    #[must_use]
    pub const fn service_error(self) -> ServiceError {
        match self {
            Self::AccountNotManagementOrDelegatedAdministratorException => {
                ServiceError::new("AccountNotManagementOrDelegatedAdministratorException", 400)
            }
            Self::CallerIsNotManagementAccountException => {
                ServiceError::new("CallerIsNotManagementAccountException", 400)
            }
            Self::ConcurrentModificationException => {
                ServiceError::new("ConcurrentModification", 409)
            }
            Self::CredentialReportExpiredException => ServiceError::new("ReportExpired", 410),
            Self::CredentialReportNotPresentException => ServiceError::new("ReportNotPresent", 410),
            Self::CredentialReportNotReadyException => ServiceError::new("ReportInProgress", 404),
            Self::DeleteConflictException => ServiceError::new("DeleteConflict", 409),
            Self::DuplicateCertificateException => ServiceError::new("DuplicateCertificate", 409),
            Self::DuplicateSSHPublicKeyException => ServiceError::new("DuplicateSSHPublicKey", 400),
            Self::EntityAlreadyExistsException => ServiceError::new("EntityAlreadyExists", 409),
            Self::EntityTemporarilyUnmodifiableException => {
                ServiceError::new("EntityTemporarilyUnmodifiable", 409)
            }
            Self::FeatureDisabledException => ServiceError::new("FeatureDisabled", 404),
            Self::FeatureEnabledException => ServiceError::new("FeatureEnabled", 409),
            Self::InvalidAuthenticationCodeException => {
                ServiceError::new("InvalidAuthenticationCode", 403)
            }
            Self::InvalidCertificateException => ServiceError::new("InvalidCertificate", 400),
            Self::InvalidInputException => ServiceError::new("InvalidInput", 400),
            Self::InvalidPublicKeyException => ServiceError::new("InvalidPublicKey", 400),
            Self::InvalidUserTypeException => ServiceError::new("InvalidUserType", 400),
            Self::KeyPairMismatchException => ServiceError::new("KeyPairMismatch", 400),
            Self::LimitExceededException => ServiceError::new("LimitExceeded", 409),
            Self::MalformedCertificateException => ServiceError::new("MalformedCertificate", 400),
            Self::MalformedPolicyDocumentException => {
                ServiceError::new("MalformedPolicyDocument", 400)
            }
            Self::NoSuchEntityException => ServiceError::new("NoSuchEntity", 404),
            Self::OpenIdIdpCommunicationErrorException => {
                ServiceError::new("OpenIdIdpCommunicationError", 400)
            }
            Self::OrganizationNotFoundException => {
                ServiceError::new("OrganizationNotFoundException", 400)
            }
            Self::OrganizationNotInAllFeaturesModeException => {
                ServiceError::new("OrganizationNotInAllFeaturesModeException", 400)
            }
            Self::PasswordPolicyViolationException => {
                ServiceError::new("PasswordPolicyViolation", 400)
            }
            Self::PolicyEvaluationException => ServiceError::new("PolicyEvaluation", 500),
            Self::PolicyNotAttachableException => ServiceError::new("PolicyNotAttachable", 400),
            Self::ReportGenerationLimitExceededException => {
                ServiceError::new("ReportGenerationLimitExceeded", 409)
            }
            Self::ServiceAccessNotEnabledException => {
                ServiceError::new("ServiceAccessNotEnabledException", 400)
            }
            Self::ServiceFailureException => ServiceError::new("ServiceFailure", 500),
            Self::ServiceNotSupportedException => ServiceError::new("NotSupportedService", 404),
            Self::UnmodifiableEntityException => ServiceError::new("UnmodifiableEntity", 400),
            Self::UnrecognizedPublicKeyEncodingException => {
                ServiceError::new("UnrecognizedPublicKeyEncoding", 400)
            }
        }
    }
}

/// Input of `AcceptDelegationRequest`.
///
/// Accepts a delegation request, granting the requested temporary access.
///
/// Model shape `AcceptDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AcceptDelegationRequestInput {
    /// The unique identifier of the delegation request to accept.
    pub delegation_request_id: String,
}

impl AcceptDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        Some(Self {
            delegation_request_id: delegation_request_id_?,
        })
    }
}

impl FromQuery for AcceptDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AddClientIDToOpenIDConnectProvider`.
///
/// Adds a new client ID (also known as audience) to the list of client IDs already registered for the specified IAM OpenID Connect (OIDC) provider resource.
///
/// Model shape `AddClientIDToOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddClientIDToOpenIDConnectProviderInput {
    /// The Amazon Resource Name (ARN) of the IAM OpenID Connect (OIDC) provider resource to add the client ID to.
    pub open_id_connect_provider_arn: String,
    /// The client ID (also known as audience) to add to the IAM OpenID Connect provider resource.
    pub client_id: String,
}

impl AddClientIDToOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let client_id_ = d.string(key, path, "ClientID", &STR_CLIENT_ID_TYPE, true);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            client_id: client_id_?,
        })
    }
}

impl FromQuery for AddClientIDToOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AddRoleToInstanceProfile`.
///
/// Adds the specified IAM role to the specified instance profile.
///
/// Model shape `AddRoleToInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddRoleToInstanceProfileInput {
    /// The name of the instance profile to update.
    pub instance_profile_name: String,
    /// The name of the role to add.
    pub role_name: String,
}

impl AddRoleToInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            role_name: role_name_?,
        })
    }
}

impl FromQuery for AddRoleToInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AddUserToGroup`.
///
/// Adds the specified user to the specified group.
///
/// Model shape `AddUserToGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddUserToGroupInput {
    /// The name of the group to update.
    pub group_name: String,
    /// The name of the user to add.
    pub user_name: String,
}

impl AddUserToGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            user_name: user_name_?,
        })
    }
}

impl FromQuery for AddUserToGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AssociateDelegationRequest`.
///
/// Associates a delegation request with the current identity.
///
/// Model shape `AssociateDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssociateDelegationRequestInput {
    /// The unique identifier of the delegation request to associate.
    pub delegation_request_id: String,
}

impl AssociateDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        Some(Self {
            delegation_request_id: delegation_request_id_?,
        })
    }
}

impl FromQuery for AssociateDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AttachGroupPolicy`.
///
/// Attaches the specified managed policy to the specified IAM group.
///
/// Model shape `AttachGroupPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachGroupPolicyInput {
    /// The name (friendly name, not ARN) of the group to attach the policy to.
    pub group_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to attach.
    pub policy_arn: String,
}

impl AttachGroupPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for AttachGroupPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AttachRolePolicy`.
///
/// Attaches the specified managed policy to the specified IAM role.
///
/// Model shape `AttachRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachRolePolicyInput {
    /// The name (friendly name, not ARN) of the role to attach the policy to.
    pub role_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to attach.
    pub policy_arn: String,
}

impl AttachRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for AttachRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `AttachUserPolicy`.
///
/// Attaches the specified managed policy to the specified user.
///
/// Model shape `AttachUserPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachUserPolicyInput {
    /// The name (friendly name, not ARN) of the IAM user to attach the policy to.
    pub user_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to attach.
    pub policy_arn: String,
}

impl AttachUserPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for AttachUserPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `ChangePassword`.
///
/// Changes the password of the IAM user who is calling this operation.
///
/// Model shape `ChangePasswordRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ChangePasswordInput {
    /// The IAM user's current password.
    pub old_password: String,
    /// The new password.
    pub new_password: String,
}

impl fmt::Debug for ChangePasswordInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChangePasswordInput")
            .field("old_password", &"<redacted>")
            .field("new_password", &"<redacted>")
            .finish()
    }
}

impl ChangePasswordInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let old_password_ = d.string(key, path, "OldPassword", &STR_PASSWORD_TYPE, true);
        let new_password_ = d.string(key, path, "NewPassword", &STR_PASSWORD_TYPE, true);
        Some(Self {
            old_password: old_password_?,
            new_password: new_password_?,
        })
    }
}

impl FromQuery for ChangePasswordInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `CreateAccessKey`.
///
/// Creates a new Amazon Web Services secret access key and corresponding Amazon Web Services access key ID for the specified user.
///
/// Model shape `CreateAccessKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateAccessKeyInput {
    /// The name of the IAM user that the new key will belong to.
    pub user_name: Option<String>,
}

impl CreateAccessKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        Some(Self {
            user_name: user_name_,
        })
    }
}

impl FromQuery for CreateAccessKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateAccessKey`.
///
/// Contains the response to a successful CreateAccessKey request.
///
/// Model shape `CreateAccessKeyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateAccessKeyOutput {
    /// A structure with details about the access key.
    pub access_key: AccessKey,
}

impl WriteXml for CreateAccessKeyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("AccessKey");
        WriteXml::write_xml(&self.access_key, w);
        w.end("AccessKey");
    }
}

/// Input of `CreateAccountAlias`.
///
/// Creates an alias for your Amazon Web Services account.
///
/// Model shape `CreateAccountAliasRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateAccountAliasInput {
    /// The account alias to create.
    pub account_alias: String,
}

impl CreateAccountAliasInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let account_alias_ = d.string(key, path, "AccountAlias", &STR_ACCOUNT_ALIAS_TYPE, true);
        Some(Self {
            account_alias: account_alias_?,
        })
    }
}

impl FromQuery for CreateAccountAliasInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `CreateDelegationRequest`.
///
/// Creates an IAM delegation request for temporary access delegation.
///
/// Model shape `CreateDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateDelegationRequestInput {
    /// The Amazon Web Services account ID this delegation request is targeted to.
    pub owner_account_id: Option<String>,
    /// A description of the delegation request.
    pub description: String,
    /// The permissions to be delegated in this delegation request.
    pub permissions: DelegationPermission,
    /// A message explaining the reason for the delegation request.
    pub request_message: Option<String>,
    /// The workflow ID associated with the requestor.
    pub requestor_workflow_id: String,
    /// The URL to redirect to after the delegation request is processed.
    pub redirect_url: Option<String>,
    /// The notification channel for updates about the delegation request.
    pub notification_channel: String,
    /// The duration for which the delegated session should remain active, in seconds.
    pub session_duration: i32,
    /// Specifies whether the delegation token should only be sent by the owner.
    pub only_send_by_owner: Option<bool>,
}

impl CreateDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let owner_account_id_ = d.string(key, path, "OwnerAccountId", &STR_ACCOUNT_ID_TYPE, false);
        let description_ = d.string(
            key,
            path,
            "Description",
            &STR_DELEGATION_REQUEST_DESCRIPTION_TYPE,
            true,
        );
        let permissions_ =
            d.structure(key, path, "Permissions", true, DelegationPermission::decode);
        let request_message_ = d.string(
            key,
            path,
            "RequestMessage",
            &STR_REQUEST_MESSAGE_TYPE,
            false,
        );
        let requestor_workflow_id_ = d.string(
            key,
            path,
            "RequestorWorkflowId",
            &STR_REQUESTOR_WORKFLOW_ID_TYPE,
            true,
        );
        let redirect_url_ = d.string(key, path, "RedirectUrl", &STR_REDIRECT_URL_TYPE, false);
        let notification_channel_ = d.string(
            key,
            path,
            "NotificationChannel",
            &STR_NOTIFICATION_CHANNEL_TYPE,
            true,
        );
        let session_duration_ = d.int(
            key,
            path,
            "SessionDuration",
            &INT_SESSION_DURATION_TYPE,
            true,
        );
        let only_send_by_owner_ = d.boolean(key, path, "OnlySendByOwner", false);
        Some(Self {
            owner_account_id: owner_account_id_,
            description: description_?,
            permissions: permissions_?,
            request_message: request_message_,
            requestor_workflow_id: requestor_workflow_id_?,
            redirect_url: redirect_url_,
            notification_channel: notification_channel_?,
            session_duration: session_duration_?,
            only_send_by_owner: only_send_by_owner_,
        })
    }
}

impl FromQuery for CreateDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateDelegationRequest`.
///
/// Model shape `CreateDelegationRequestResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateDelegationRequestOutput {
    /// A deep link URL to the Amazon Web Services Management Console for managing the delegation request.
    pub console_deep_link: Option<String>,
    /// The unique identifier for the created delegation request.
    pub delegation_request_id: Option<String>,
}

impl WriteXml for CreateDelegationRequestOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.console_deep_link {
            w.element("ConsoleDeepLink", v);
        }
        if let Some(v) = &self.delegation_request_id {
            w.element("DelegationRequestId", v);
        }
    }
}

/// Input of `CreateGroup`.
///
/// Creates a new group.
///
/// Model shape `CreateGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateGroupInput {
    /// The path to the group.
    pub path: Option<String>,
    /// The name of the group to create.
    pub group_name: String,
}

impl CreateGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        Some(Self {
            path: path_,
            group_name: group_name_?,
        })
    }
}

impl FromQuery for CreateGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateGroup`.
///
/// Contains the response to a successful CreateGroup request.
///
/// Model shape `CreateGroupResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateGroupOutput {
    /// A structure containing details about the new group.
    pub group: Group,
}

impl WriteXml for CreateGroupOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Group");
        WriteXml::write_xml(&self.group, w);
        w.end("Group");
    }
}

/// Input of `CreateInstanceProfile`.
///
/// Creates a new instance profile.
///
/// Model shape `CreateInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateInstanceProfileInput {
    /// The name of the instance profile to create.
    pub instance_profile_name: String,
    /// The path to the instance profile.
    pub path: Option<String>,
    /// A list of tags that you want to attach to the newly created IAM instance profile.
    pub tags: Option<Vec<Tag>>,
}

impl CreateInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            path: path_,
            tags: tags_,
        })
    }
}

impl FromQuery for CreateInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateInstanceProfile`.
///
/// Contains the response to a successful CreateInstanceProfile request.
///
/// Model shape `CreateInstanceProfileResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateInstanceProfileOutput {
    /// A structure containing details about the new instance profile.
    pub instance_profile: InstanceProfile,
}

impl WriteXml for CreateInstanceProfileOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("InstanceProfile");
        WriteXml::write_xml(&self.instance_profile, w);
        w.end("InstanceProfile");
    }
}

/// Input of `CreateLoginProfile`.
///
/// Creates a password for the specified IAM user.
///
/// Model shape `CreateLoginProfileRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CreateLoginProfileInput {
    /// The name of the IAM user to create a password for.
    pub user_name: Option<String>,
    /// The new password for the user.
    pub password: Option<String>,
    /// Specifies whether the user is required to set a new password on next sign-in.
    pub password_reset_required: Option<bool>,
}

impl fmt::Debug for CreateLoginProfileInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateLoginProfileInput")
            .field("user_name", &self.user_name)
            .field("password", &"<redacted>")
            .field("password_reset_required", &self.password_reset_required)
            .finish()
    }
}

impl CreateLoginProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let password_ = d.string(key, path, "Password", &STR_PASSWORD_TYPE, false);
        let password_reset_required_ = d.boolean(key, path, "PasswordResetRequired", false);
        Some(Self {
            user_name: user_name_,
            password: password_,
            password_reset_required: password_reset_required_,
        })
    }
}

impl FromQuery for CreateLoginProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateLoginProfile`.
///
/// Contains the response to a successful CreateLoginProfile request.
///
/// Model shape `CreateLoginProfileResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateLoginProfileOutput {
    /// A structure containing the user name and password create date.
    pub login_profile: LoginProfile,
}

impl WriteXml for CreateLoginProfileOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("LoginProfile");
        WriteXml::write_xml(&self.login_profile, w);
        w.end("LoginProfile");
    }
}

/// Input of `CreateOpenIDConnectProvider`.
///
/// Creates an IAM entity to describe an identity provider (IdP) that supports OpenID Connect (OIDC) .
///
/// Model shape `CreateOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateOpenIDConnectProviderInput {
    /// The URL of the identity provider.
    pub url: String,
    /// Provides a list of client IDs, also known as audiences.
    pub client_id_list: Option<Vec<String>>,
    /// A list of server certificate thumbprints for the OpenID Connect (OIDC) identity provider's server certificates.
    pub thumbprint_list: Option<Vec<String>>,
    /// A list of tags that you want to attach to the new IAM OpenID Connect (OIDC) provider.
    pub tags: Option<Vec<Tag>>,
}

impl CreateOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let url_ = d.string(
            key,
            path,
            "Url",
            &STR_OPEN_ID_CONNECT_PROVIDER_URL_TYPE,
            true,
        );
        let client_id_list_ = d.string_list(
            key,
            path,
            "ClientIDList",
            &LIST_CLIENT_ID_LIST_TYPE,
            &STR_CLIENT_ID_TYPE,
            false,
        );
        let thumbprint_list_ = d.string_list(
            key,
            path,
            "ThumbprintList",
            &LIST_THUMBPRINT_LIST_TYPE,
            &STR_THUMBPRINT_TYPE,
            false,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            url: url_?,
            client_id_list: client_id_list_,
            thumbprint_list: thumbprint_list_,
            tags: tags_,
        })
    }
}

impl FromQuery for CreateOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateOpenIDConnectProvider`.
///
/// Contains the response to a successful CreateOpenIDConnectProvider request.
///
/// Model shape `CreateOpenIDConnectProviderResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateOpenIDConnectProviderOutput {
    /// The Amazon Resource Name (ARN) of the new IAM OpenID Connect provider that is created.
    pub open_id_connect_provider_arn: Option<String>,
    /// A list of tags that are attached to the new IAM OIDC provider.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for CreateOpenIDConnectProviderOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.open_id_connect_provider_arn {
            w.element("OpenIDConnectProviderArn", v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Input of `CreatePolicy`.
///
/// Creates a new managed policy for your Amazon Web Services account.
///
/// Model shape `CreatePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreatePolicyInput {
    /// The friendly name of the policy.
    pub policy_name: String,
    /// The path for the policy.
    pub path: Option<String>,
    /// The JSON policy document that you want to use as the content for the new policy.
    pub policy_document: String,
    /// A friendly description of the policy.
    pub description: Option<String>,
    /// A list of tags that you want to attach to the new IAM customer managed policy.
    pub tags: Option<Vec<Tag>>,
}

impl CreatePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        let path_ = d.string(key, path, "Path", &STR_POLICY_PATH_TYPE, false);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        let description_ = d.string(
            key,
            path,
            "Description",
            &STR_POLICY_DESCRIPTION_TYPE,
            false,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            policy_name: policy_name_?,
            path: path_,
            policy_document: policy_document_?,
            description: description_,
            tags: tags_,
        })
    }
}

impl FromQuery for CreatePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreatePolicy`.
///
/// Contains the response to a successful CreatePolicy request.
///
/// Model shape `CreatePolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreatePolicyOutput {
    /// A structure containing details about the new policy.
    pub policy: Option<Policy>,
}

impl WriteXml for CreatePolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy {
            w.start("Policy");
            WriteXml::write_xml(v, w);
            w.end("Policy");
        }
    }
}

/// Input of `CreatePolicyVersion`.
///
/// Creates a new version of the specified managed policy.
///
/// Model shape `CreatePolicyVersionRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreatePolicyVersionInput {
    /// The Amazon Resource Name (ARN) of the IAM policy to which you want to add a new version.
    pub policy_arn: String,
    /// The JSON policy document that you want to use as the content for this new version of the policy.
    pub policy_document: String,
    /// Specifies whether to set this version as the policy's default version.
    pub set_as_default: Option<bool>,
}

impl CreatePolicyVersionInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        let set_as_default_ = d.boolean(key, path, "SetAsDefault", false);
        Some(Self {
            policy_arn: policy_arn_?,
            policy_document: policy_document_?,
            set_as_default: set_as_default_,
        })
    }
}

impl FromQuery for CreatePolicyVersionInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreatePolicyVersion`.
///
/// Contains the response to a successful CreatePolicyVersion request.
///
/// Model shape `CreatePolicyVersionResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreatePolicyVersionOutput {
    /// A structure containing details about the new policy version.
    pub policy_version: Option<PolicyVersion>,
}

impl WriteXml for CreatePolicyVersionOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_version {
            w.start("PolicyVersion");
            WriteXml::write_xml(v, w);
            w.end("PolicyVersion");
        }
    }
}

/// Input of `CreateRole`.
///
/// Creates a new role for your Amazon Web Services account.
///
/// Model shape `CreateRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateRoleInput {
    /// The path to the role.
    pub path: Option<String>,
    /// The name of the role to create.
    pub role_name: String,
    /// The trust relationship policy document that grants an entity permission to assume the role.
    pub assume_role_policy_document: String,
    /// A description of the role.
    pub description: Option<String>,
    /// The maximum session duration (in seconds) that you want to set for the specified role.
    pub max_session_duration: Option<i32>,
    /// The ARN of the managed policy that is used to set the permissions boundary for the role.
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new role.
    pub tags: Option<Vec<Tag>>,
}

impl CreateRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let assume_role_policy_document_ = d.string(
            key,
            path,
            "AssumeRolePolicyDocument",
            &STR_POLICY_DOCUMENT_TYPE,
            true,
        );
        let description_ = d.string(key, path, "Description", &STR_ROLE_DESCRIPTION_TYPE, false);
        let max_session_duration_ = d.int(
            key,
            path,
            "MaxSessionDuration",
            &INT_ROLE_MAX_SESSION_DURATION_TYPE,
            false,
        );
        let permissions_boundary_ =
            d.string(key, path, "PermissionsBoundary", &STR_ARN_TYPE, false);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            path: path_,
            role_name: role_name_?,
            assume_role_policy_document: assume_role_policy_document_?,
            description: description_,
            max_session_duration: max_session_duration_,
            permissions_boundary: permissions_boundary_,
            tags: tags_,
        })
    }
}

impl FromQuery for CreateRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateRole`.
///
/// Contains the response to a successful CreateRole request.
///
/// Model shape `CreateRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateRoleOutput {
    /// A structure containing details about the new role.
    pub role: Role,
}

impl WriteXml for CreateRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Role");
        WriteXml::write_xml(&self.role, w);
        w.end("Role");
    }
}

/// Input of `CreateSAMLProvider`.
///
/// Creates an IAM resource that describes an identity provider (IdP) that supports SAML 2.0.
///
/// Model shape `CreateSAMLProviderRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CreateSAMLProviderInput {
    /// An XML document generated by an identity provider (IdP) that supports SAML 2.0.
    pub saml_metadata_document: String,
    /// The name of the provider to create.
    pub name: String,
    /// A list of tags that you want to attach to the new IAM SAML provider.
    pub tags: Option<Vec<Tag>>,
    /// Specifies the encryption setting for the SAML provider.
    pub assertion_encryption_mode: Option<String>,
    /// The private key generated from your external identity provider.
    pub add_private_key: Option<String>,
}

impl fmt::Debug for CreateSAMLProviderInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateSAMLProviderInput")
            .field("saml_metadata_document", &self.saml_metadata_document)
            .field("name", &self.name)
            .field("tags", &self.tags)
            .field("assertion_encryption_mode", &self.assertion_encryption_mode)
            .field("add_private_key", &"<redacted>")
            .finish()
    }
}

impl CreateSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_metadata_document_ = d.string(
            key,
            path,
            "SAMLMetadataDocument",
            &STR_SAML_METADATA_DOCUMENT_TYPE,
            true,
        );
        let name_ = d.string(key, path, "Name", &STR_SAML_PROVIDER_NAME_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        let assertion_encryption_mode_ = d.string(
            key,
            path,
            "AssertionEncryptionMode",
            &STR_ASSERTION_ENCRYPTION_MODE_TYPE,
            false,
        );
        let add_private_key_ = d.string(key, path, "AddPrivateKey", &STR_PRIVATE_KEY_TYPE, false);
        Some(Self {
            saml_metadata_document: saml_metadata_document_?,
            name: name_?,
            tags: tags_,
            assertion_encryption_mode: assertion_encryption_mode_,
            add_private_key: add_private_key_,
        })
    }
}

impl FromQuery for CreateSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateSAMLProvider`.
///
/// Contains the response to a successful CreateSAMLProvider request.
///
/// Model shape `CreateSAMLProviderResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateSAMLProviderOutput {
    /// The Amazon Resource Name (ARN) of the new SAML provider resource in IAM.
    pub saml_provider_arn: Option<String>,
    /// A list of tags that are attached to the new IAM SAML provider.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for CreateSAMLProviderOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.saml_provider_arn {
            w.element("SAMLProviderArn", v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Input of `CreateServiceLinkedRole`.
///
/// Creates an IAM role that is linked to a specific Amazon Web Services service.
///
/// Model shape `CreateServiceLinkedRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateServiceLinkedRoleInput {
    /// The service principal for the Amazon Web Services service to which this role is attached.
    pub aws_service_name: String,
    /// The description of the role.
    pub description: Option<String>,
    /// A string that you provide, which is combined with the service-provided prefix to form the complete role name.
    pub custom_suffix: Option<String>,
}

impl CreateServiceLinkedRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let aws_service_name_ = d.string(key, path, "AWSServiceName", &STR_GROUP_NAME_TYPE, true);
        let description_ = d.string(key, path, "Description", &STR_ROLE_DESCRIPTION_TYPE, false);
        let custom_suffix_ = d.string(key, path, "CustomSuffix", &STR_CUSTOM_SUFFIX_TYPE, false);
        Some(Self {
            aws_service_name: aws_service_name_?,
            description: description_,
            custom_suffix: custom_suffix_,
        })
    }
}

impl FromQuery for CreateServiceLinkedRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateServiceLinkedRole`.
///
/// Model shape `CreateServiceLinkedRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateServiceLinkedRoleOutput {
    /// A Role object that contains details about the newly created role.
    pub role: Option<Role>,
}

impl WriteXml for CreateServiceLinkedRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.role {
            w.start("Role");
            WriteXml::write_xml(v, w);
            w.end("Role");
        }
    }
}

/// Input of `CreateServiceSpecificCredential`.
///
/// Generates a set of credentials consisting of a user name and password that can be used to access the service specified in the request.
///
/// Model shape `CreateServiceSpecificCredentialRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateServiceSpecificCredentialInput {
    /// The name of the IAM user that is to be associated with the credentials.
    pub user_name: String,
    /// The name of the Amazon Web Services service that is to be associated with the credentials.
    pub service_name: String,
    /// The number of days until the service specific credential expires.
    pub credential_age_days: Option<i32>,
}

impl CreateServiceSpecificCredentialInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let service_name_ = d.string(key, path, "ServiceName", &STR_SERVICE_NAME, true);
        let credential_age_days_ = d.int(
            key,
            path,
            "CredentialAgeDays",
            &INT_CREDENTIAL_AGE_DAYS,
            false,
        );
        Some(Self {
            user_name: user_name_?,
            service_name: service_name_?,
            credential_age_days: credential_age_days_,
        })
    }
}

impl FromQuery for CreateServiceSpecificCredentialInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateServiceSpecificCredential`.
///
/// Model shape `CreateServiceSpecificCredentialResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateServiceSpecificCredentialOutput {
    /// A structure that contains information about the newly created service-specific credential.
    pub service_specific_credential: Option<ServiceSpecificCredential>,
}

impl WriteXml for CreateServiceSpecificCredentialOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.service_specific_credential {
            w.start("ServiceSpecificCredential");
            WriteXml::write_xml(v, w);
            w.end("ServiceSpecificCredential");
        }
    }
}

/// Input of `CreateUser`.
///
/// Creates a new IAM user for your Amazon Web Services account.
///
/// Model shape `CreateUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateUserInput {
    /// The path for the user name.
    pub path: Option<String>,
    /// The name of the user to create.
    pub user_name: String,
    /// The ARN of the managed policy that is used to set the permissions boundary for the user.
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new user.
    pub tags: Option<Vec<Tag>>,
}

impl CreateUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let permissions_boundary_ =
            d.string(key, path, "PermissionsBoundary", &STR_ARN_TYPE, false);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            path: path_,
            user_name: user_name_?,
            permissions_boundary: permissions_boundary_,
            tags: tags_,
        })
    }
}

impl FromQuery for CreateUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateUser`.
///
/// Contains the response to a successful CreateUser request.
///
/// Model shape `CreateUserResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateUserOutput {
    /// A structure with details about the new IAM user.
    pub user: Option<User>,
}

impl WriteXml for CreateUserOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user {
            w.start("User");
            WriteXml::write_xml(v, w);
            w.end("User");
        }
    }
}

/// Input of `CreateVirtualMFADevice`.
///
/// Creates a new virtual MFA device for the Amazon Web Services account.
///
/// Model shape `CreateVirtualMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateVirtualMFADeviceInput {
    /// The path for the virtual MFA device.
    pub path: Option<String>,
    /// The name of the virtual MFA device, which must be unique.
    pub virtual_mfa_device_name: String,
    /// A list of tags that you want to attach to the new IAM virtual MFA device.
    pub tags: Option<Vec<Tag>>,
}

impl CreateVirtualMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let virtual_mfa_device_name_ = d.string(
            key,
            path,
            "VirtualMFADeviceName",
            &STR_VIRTUAL_MFA_DEVICE_NAME,
            true,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            path: path_,
            virtual_mfa_device_name: virtual_mfa_device_name_?,
            tags: tags_,
        })
    }
}

impl FromQuery for CreateVirtualMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `CreateVirtualMFADevice`.
///
/// Contains the response to a successful CreateVirtualMFADevice request.
///
/// Model shape `CreateVirtualMFADeviceResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateVirtualMFADeviceOutput {
    /// A structure containing details about the new virtual MFA device.
    pub virtual_mfa_device: VirtualMFADevice,
}

impl WriteXml for CreateVirtualMFADeviceOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("VirtualMFADevice");
        WriteXml::write_xml(&self.virtual_mfa_device, w);
        w.end("VirtualMFADevice");
    }
}

/// Input of `DeactivateMFADevice`.
///
/// Deactivates the specified MFA device and removes it from association with the user name for which it was originally enabled.
///
/// Model shape `DeactivateMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeactivateMFADeviceInput {
    /// The name of the user whose MFA device you want to deactivate.
    pub user_name: Option<String>,
    /// The serial number that uniquely identifies the MFA device.
    pub serial_number: String,
}

impl DeactivateMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        Some(Self {
            user_name: user_name_,
            serial_number: serial_number_?,
        })
    }
}

impl FromQuery for DeactivateMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteAccessKey`.
///
/// Deletes the access key pair associated with the specified IAM user.
///
/// Model shape `DeleteAccessKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteAccessKeyInput {
    /// The name of the user whose access key pair you want to delete.
    pub user_name: Option<String>,
    /// The access key ID for the access key ID and secret access key you want to delete.
    pub access_key_id: String,
}

impl DeleteAccessKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let access_key_id_ = d.string(key, path, "AccessKeyId", &STR_ACCESS_KEY_ID_TYPE, true);
        Some(Self {
            user_name: user_name_,
            access_key_id: access_key_id_?,
        })
    }
}

impl FromQuery for DeleteAccessKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteAccountAlias`.
///
/// Deletes the specified Amazon Web Services account alias.
///
/// Model shape `DeleteAccountAliasRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteAccountAliasInput {
    /// The name of the account alias to delete.
    pub account_alias: String,
}

impl DeleteAccountAliasInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let account_alias_ = d.string(key, path, "AccountAlias", &STR_ACCOUNT_ALIAS_TYPE, true);
        Some(Self {
            account_alias: account_alias_?,
        })
    }
}

impl FromQuery for DeleteAccountAliasInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteGroup`.
///
/// Deletes the specified IAM group.
///
/// Model shape `DeleteGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteGroupInput {
    /// The name of the IAM group to delete.
    pub group_name: String,
}

impl DeleteGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        Some(Self {
            group_name: group_name_?,
        })
    }
}

impl FromQuery for DeleteGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteGroupPolicy`.
///
/// Deletes the specified inline policy that is embedded in the specified IAM group.
///
/// Model shape `DeleteGroupPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteGroupPolicyInput {
    /// The name (friendly name, not ARN) identifying the group that the policy is embedded in.
    pub group_name: String,
    /// The name identifying the policy document to delete.
    pub policy_name: String,
}

impl DeleteGroupPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for DeleteGroupPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteInstanceProfile`.
///
/// Deletes the specified instance profile.
///
/// Model shape `DeleteInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteInstanceProfileInput {
    /// The name of the instance profile to delete.
    pub instance_profile_name: String,
}

impl DeleteInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        Some(Self {
            instance_profile_name: instance_profile_name_?,
        })
    }
}

impl FromQuery for DeleteInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteLoginProfile`.
///
/// Deletes the password for the specified IAM user or root user, For more information, see Managing passwords for IAM users .
///
/// Model shape `DeleteLoginProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteLoginProfileInput {
    /// The name of the user whose password you want to delete.
    pub user_name: Option<String>,
}

impl DeleteLoginProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        Some(Self {
            user_name: user_name_,
        })
    }
}

impl FromQuery for DeleteLoginProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteOpenIDConnectProvider`.
///
/// Deletes an OpenID Connect identity provider (IdP) resource object in IAM.
///
/// Model shape `DeleteOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteOpenIDConnectProviderInput {
    /// The Amazon Resource Name (ARN) of the IAM OpenID Connect provider resource object to delete.
    pub open_id_connect_provider_arn: String,
}

impl DeleteOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
        })
    }
}

impl FromQuery for DeleteOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeletePolicy`.
///
/// Deletes the specified managed policy.
///
/// Model shape `DeletePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletePolicyInput {
    /// The Amazon Resource Name (ARN) of the IAM policy you want to delete.
    pub policy_arn: String,
}

impl DeletePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for DeletePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeletePolicyVersion`.
///
/// Deletes the specified version from the specified managed policy.
///
/// Model shape `DeletePolicyVersionRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletePolicyVersionInput {
    /// The Amazon Resource Name (ARN) of the IAM policy from which you want to delete a version.
    pub policy_arn: String,
    /// The policy version to delete.
    pub version_id: String,
}

impl DeletePolicyVersionInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let version_id_ = d.string(key, path, "VersionId", &STR_POLICY_VERSION_ID_TYPE, true);
        Some(Self {
            policy_arn: policy_arn_?,
            version_id: version_id_?,
        })
    }
}

impl FromQuery for DeletePolicyVersionInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteRole`.
///
/// Deletes the specified role.
///
/// Model shape `DeleteRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteRoleInput {
    /// The name of the role to delete.
    pub role_name: String,
}

impl DeleteRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
        })
    }
}

impl FromQuery for DeleteRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteRolePermissionsBoundary`.
///
/// Deletes the permissions boundary for the specified IAM role.
///
/// Model shape `DeleteRolePermissionsBoundaryRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteRolePermissionsBoundaryInput {
    /// The name (friendly name, not ARN) of the IAM role from which you want to remove the permissions boundary.
    pub role_name: String,
}

impl DeleteRolePermissionsBoundaryInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
        })
    }
}

impl FromQuery for DeleteRolePermissionsBoundaryInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteRolePolicy`.
///
/// Deletes the specified inline policy that is embedded in the specified IAM role.
///
/// Model shape `DeleteRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteRolePolicyInput {
    /// The name (friendly name, not ARN) identifying the role that the policy is embedded in.
    pub role_name: String,
    /// The name of the inline policy to delete from the specified IAM role.
    pub policy_name: String,
}

impl DeleteRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for DeleteRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteSAMLProvider`.
///
/// Deletes a SAML provider resource in IAM.
///
/// Model shape `DeleteSAMLProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteSAMLProviderInput {
    /// The Amazon Resource Name (ARN) of the SAML provider to delete.
    pub saml_provider_arn: String,
}

impl DeleteSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        Some(Self {
            saml_provider_arn: saml_provider_arn_?,
        })
    }
}

impl FromQuery for DeleteSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteSSHPublicKey`.
///
/// Deletes the specified SSH public key.
///
/// Model shape `DeleteSSHPublicKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteSSHPublicKeyInput {
    /// The name of the IAM user associated with the SSH public key.
    pub user_name: String,
    /// The unique identifier for the SSH public key.
    pub ssh_public_key_id: String,
}

impl DeleteSSHPublicKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let ssh_public_key_id_ =
            d.string(key, path, "SSHPublicKeyId", &STR_PUBLIC_KEY_ID_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            ssh_public_key_id: ssh_public_key_id_?,
        })
    }
}

impl FromQuery for DeleteSSHPublicKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteServerCertificate`.
///
/// Deletes the specified server certificate.
///
/// Model shape `DeleteServerCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteServerCertificateInput {
    /// The name of the server certificate you want to delete.
    pub server_certificate_name: String,
}

impl DeleteServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        Some(Self {
            server_certificate_name: server_certificate_name_?,
        })
    }
}

impl FromQuery for DeleteServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteServiceLinkedRole`.
///
/// Submits a service-linked role deletion request and returns a DeletionTaskId , which you can use to check the status of the deletion.
///
/// Model shape `DeleteServiceLinkedRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteServiceLinkedRoleInput {
    /// The name of the service-linked role to be deleted.
    pub role_name: String,
}

impl DeleteServiceLinkedRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
        })
    }
}

impl FromQuery for DeleteServiceLinkedRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `DeleteServiceLinkedRole`.
///
/// Model shape `DeleteServiceLinkedRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteServiceLinkedRoleOutput {
    /// The deletion task identifier that you can use to check the status of the deletion.
    pub deletion_task_id: String,
}

impl WriteXml for DeleteServiceLinkedRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("DeletionTaskId", &self.deletion_task_id);
    }
}

/// Input of `DeleteServiceSpecificCredential`.
///
/// Deletes the specified service-specific credential.
///
/// Model shape `DeleteServiceSpecificCredentialRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteServiceSpecificCredentialInput {
    /// The name of the IAM user associated with the service-specific credential.
    pub user_name: Option<String>,
    /// The unique identifier of the service-specific credential.
    pub service_specific_credential_id: String,
}

impl DeleteServiceSpecificCredentialInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let service_specific_credential_id_ = d.string(
            key,
            path,
            "ServiceSpecificCredentialId",
            &STR_SERVICE_SPECIFIC_CREDENTIAL_ID,
            true,
        );
        Some(Self {
            user_name: user_name_,
            service_specific_credential_id: service_specific_credential_id_?,
        })
    }
}

impl FromQuery for DeleteServiceSpecificCredentialInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteSigningCertificate`.
///
/// Deletes a signing certificate associated with the specified IAM user.
///
/// Model shape `DeleteSigningCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteSigningCertificateInput {
    /// The name of the user the signing certificate belongs to.
    pub user_name: Option<String>,
    /// The ID of the signing certificate to delete.
    pub certificate_id: String,
}

impl DeleteSigningCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let certificate_id_ = d.string(key, path, "CertificateId", &STR_CERTIFICATE_ID_TYPE, true);
        Some(Self {
            user_name: user_name_,
            certificate_id: certificate_id_?,
        })
    }
}

impl FromQuery for DeleteSigningCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteUser`.
///
/// Deletes the specified IAM user.
///
/// Model shape `DeleteUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteUserInput {
    /// The name of the user to delete.
    pub user_name: String,
}

impl DeleteUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        Some(Self {
            user_name: user_name_?,
        })
    }
}

impl FromQuery for DeleteUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteUserPermissionsBoundary`.
///
/// Deletes the permissions boundary for the specified IAM user.
///
/// Model shape `DeleteUserPermissionsBoundaryRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteUserPermissionsBoundaryInput {
    /// The name (friendly name, not ARN) of the IAM user from which you want to remove the permissions boundary.
    pub user_name: String,
}

impl DeleteUserPermissionsBoundaryInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        Some(Self {
            user_name: user_name_?,
        })
    }
}

impl FromQuery for DeleteUserPermissionsBoundaryInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteUserPolicy`.
///
/// Deletes the specified inline policy that is embedded in the specified IAM user.
///
/// Model shape `DeleteUserPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteUserPolicyInput {
    /// The name (friendly name, not ARN) identifying the user that the policy is embedded in.
    pub user_name: String,
    /// The name identifying the policy document to delete.
    pub policy_name: String,
}

impl DeleteUserPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for DeleteUserPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DeleteVirtualMFADevice`.
///
/// Deletes a virtual MFA device.
///
/// Model shape `DeleteVirtualMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteVirtualMFADeviceInput {
    /// The serial number that uniquely identifies the MFA device.
    pub serial_number: String,
}

impl DeleteVirtualMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        Some(Self {
            serial_number: serial_number_?,
        })
    }
}

impl FromQuery for DeleteVirtualMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DetachGroupPolicy`.
///
/// Removes the specified managed policy from the specified IAM group.
///
/// Model shape `DetachGroupPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetachGroupPolicyInput {
    /// The name (friendly name, not ARN) of the IAM group to detach the policy from.
    pub group_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to detach.
    pub policy_arn: String,
}

impl DetachGroupPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for DetachGroupPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DetachRolePolicy`.
///
/// Removes the specified managed policy from the specified role.
///
/// Model shape `DetachRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetachRolePolicyInput {
    /// The name (friendly name, not ARN) of the IAM role to detach the policy from.
    pub role_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to detach.
    pub policy_arn: String,
}

impl DetachRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for DetachRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DetachUserPolicy`.
///
/// Removes the specified managed policy from the specified user.
///
/// Model shape `DetachUserPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetachUserPolicyInput {
    /// The name (friendly name, not ARN) of the IAM user to detach the policy from.
    pub user_name: String,
    /// The Amazon Resource Name (ARN) of the IAM policy you want to detach.
    pub policy_arn: String,
}

impl DetachUserPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for DetachUserPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `DisableOrganizationsRootCredentialsManagement`.
///
/// Disables the management of privileged root user credentials across member accounts in your organization.
///
/// Model shape `DisableOrganizationsRootCredentialsManagementRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisableOrganizationsRootCredentialsManagementInput {}

impl DisableOrganizationsRootCredentialsManagementInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for DisableOrganizationsRootCredentialsManagementInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `DisableOrganizationsRootCredentialsManagement`.
///
/// Model shape `DisableOrganizationsRootCredentialsManagementResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisableOrganizationsRootCredentialsManagementOutput {
    /// The unique identifier (ID) of an organization.
    pub organization_id: Option<String>,
    /// The features enabled for centralized root access for member accounts in your organization.
    pub enabled_features: Option<Vec<String>>,
}

impl WriteXml for DisableOrganizationsRootCredentialsManagementOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.organization_id {
            w.element("OrganizationId", v);
        }
        if let Some(v) = &self.enabled_features {
            w.start("EnabledFeatures");
            for item in v {
                w.element("member", item);
            }
            w.end("EnabledFeatures");
        }
    }
}

/// Input of `DisableOrganizationsRootSessions`.
///
/// Disables root user sessions for privileged tasks across member accounts in your organization.
///
/// Model shape `DisableOrganizationsRootSessionsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisableOrganizationsRootSessionsInput {}

impl DisableOrganizationsRootSessionsInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for DisableOrganizationsRootSessionsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `DisableOrganizationsRootSessions`.
///
/// Model shape `DisableOrganizationsRootSessionsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisableOrganizationsRootSessionsOutput {
    /// The unique identifier (ID) of an organization.
    pub organization_id: Option<String>,
    /// The features you have enabled for centralized root access of member accounts in your organization.
    pub enabled_features: Option<Vec<String>>,
}

impl WriteXml for DisableOrganizationsRootSessionsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.organization_id {
            w.element("OrganizationId", v);
        }
        if let Some(v) = &self.enabled_features {
            w.start("EnabledFeatures");
            for item in v {
                w.element("member", item);
            }
            w.end("EnabledFeatures");
        }
    }
}

/// Input of `EnableMFADevice`.
///
/// Enables the specified MFA device and associates it with the specified IAM user.
///
/// Model shape `EnableMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableMFADeviceInput {
    /// The name of the IAM user for whom you want to enable the MFA device.
    pub user_name: String,
    /// The serial number that uniquely identifies the MFA device.
    pub serial_number: String,
    /// An authentication code emitted by the device.
    pub authentication_code1: String,
    /// A subsequent authentication code emitted by the device.
    pub authentication_code2: String,
}

impl EnableMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let authentication_code1_ = d.string(
            key,
            path,
            "AuthenticationCode1",
            &STR_AUTHENTICATION_CODE_TYPE,
            true,
        );
        let authentication_code2_ = d.string(
            key,
            path,
            "AuthenticationCode2",
            &STR_AUTHENTICATION_CODE_TYPE,
            true,
        );
        Some(Self {
            user_name: user_name_?,
            serial_number: serial_number_?,
            authentication_code1: authentication_code1_?,
            authentication_code2: authentication_code2_?,
        })
    }
}

impl FromQuery for EnableMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `EnableOrganizationsRootCredentialsManagement`.
///
/// Enables the management of privileged root user credentials across member accounts in your organization.
///
/// Model shape `EnableOrganizationsRootCredentialsManagementRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableOrganizationsRootCredentialsManagementInput {}

impl EnableOrganizationsRootCredentialsManagementInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for EnableOrganizationsRootCredentialsManagementInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `EnableOrganizationsRootCredentialsManagement`.
///
/// Model shape `EnableOrganizationsRootCredentialsManagementResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableOrganizationsRootCredentialsManagementOutput {
    /// The unique identifier (ID) of an organization.
    pub organization_id: Option<String>,
    /// The features you have enabled for centralized root access.
    pub enabled_features: Option<Vec<String>>,
}

impl WriteXml for EnableOrganizationsRootCredentialsManagementOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.organization_id {
            w.element("OrganizationId", v);
        }
        if let Some(v) = &self.enabled_features {
            w.start("EnabledFeatures");
            for item in v {
                w.element("member", item);
            }
            w.end("EnabledFeatures");
        }
    }
}

/// Input of `EnableOrganizationsRootSessions`.
///
/// Allows the management account or delegated administrator to perform privileged tasks on member accounts in your organization.
///
/// Model shape `EnableOrganizationsRootSessionsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableOrganizationsRootSessionsInput {}

impl EnableOrganizationsRootSessionsInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for EnableOrganizationsRootSessionsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `EnableOrganizationsRootSessions`.
///
/// Model shape `EnableOrganizationsRootSessionsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableOrganizationsRootSessionsOutput {
    /// The unique identifier (ID) of an organization.
    pub organization_id: Option<String>,
    /// The features you have enabled for centralized root access.
    pub enabled_features: Option<Vec<String>>,
}

impl WriteXml for EnableOrganizationsRootSessionsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.organization_id {
            w.element("OrganizationId", v);
        }
        if let Some(v) = &self.enabled_features {
            w.start("EnabledFeatures");
            for item in v {
                w.element("member", item);
            }
            w.end("EnabledFeatures");
        }
    }
}

/// Output of `EnableOutboundWebIdentityFederation`.
///
/// Model shape `EnableOutboundWebIdentityFederationResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnableOutboundWebIdentityFederationOutput {
    /// A unique issuer URL for your Amazon Web Services account that hosts the OpenID Connect (OIDC) discovery endpoints at /.well-known/openid-configuration and /.well-known/jwks.json .
    pub issuer_identifier: Option<String>,
}

impl WriteXml for EnableOutboundWebIdentityFederationOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.issuer_identifier {
            w.element("IssuerIdentifier", v);
        }
    }
}

/// Output of `GenerateCredentialReport`.
///
/// Contains the response to a successful GenerateCredentialReport request.
///
/// Model shape `GenerateCredentialReportResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateCredentialReportOutput {
    /// Information about the state of the credential report.
    pub state: Option<String>,
    /// Information about the credential report.
    pub description: Option<String>,
}

impl WriteXml for GenerateCredentialReportOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.state {
            w.element("State", v);
        }
        if let Some(v) = &self.description {
            w.element("Description", v);
        }
    }
}

/// Input of `GenerateOrganizationsAccessReport`.
///
/// Generates a report for service last accessed data for Organizations.
///
/// Model shape `GenerateOrganizationsAccessReportRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateOrganizationsAccessReportInput {
    /// The path of the Organizations entity (root, OU, or account).
    pub entity_path: String,
    /// The identifier of the Organizations service control policy (SCP).
    pub organizations_policy_id: Option<String>,
}

impl GenerateOrganizationsAccessReportInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let entity_path_ = d.string(
            key,
            path,
            "EntityPath",
            &STR_ORGANIZATIONS_ENTITY_PATH_TYPE,
            true,
        );
        let organizations_policy_id_ = d.string(
            key,
            path,
            "OrganizationsPolicyId",
            &STR_ORGANIZATIONS_POLICY_ID_TYPE,
            false,
        );
        Some(Self {
            entity_path: entity_path_?,
            organizations_policy_id: organizations_policy_id_,
        })
    }
}

impl FromQuery for GenerateOrganizationsAccessReportInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GenerateOrganizationsAccessReport`.
///
/// Model shape `GenerateOrganizationsAccessReportResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateOrganizationsAccessReportOutput {
    /// The job identifier that you can use in the GetOrganizationsAccessReport operation.
    pub job_id: Option<String>,
}

impl WriteXml for GenerateOrganizationsAccessReportOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.job_id {
            w.element("JobId", v);
        }
    }
}

/// Input of `GenerateServiceLastAccessedDetails`.
///
/// Generates a report that includes details about when an IAM resource (user, group, role, or policy) was last used in an attempt to access Amazon Web Services services.
///
/// Model shape `GenerateServiceLastAccessedDetailsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateServiceLastAccessedDetailsInput {
    /// The ARN of the IAM resource (user, group, role, or managed policy) used to generate information about when the resource was last used in an attempt to access an Amazon Web Services service.
    pub arn: String,
    /// The level of detail that you want to generate.
    pub granularity: Option<String>,
}

impl GenerateServiceLastAccessedDetailsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let arn_ = d.string(key, path, "Arn", &STR_ARN_TYPE, true);
        let granularity_ = d.string(
            key,
            path,
            "Granularity",
            &STR_ACCESS_ADVISOR_USAGE_GRANULARITY_TYPE,
            false,
        );
        Some(Self {
            arn: arn_?,
            granularity: granularity_,
        })
    }
}

impl FromQuery for GenerateServiceLastAccessedDetailsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GenerateServiceLastAccessedDetails`.
///
/// Model shape `GenerateServiceLastAccessedDetailsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateServiceLastAccessedDetailsOutput {
    /// The JobId that you can use in the GetServiceLastAccessedDetails or GetServiceLastAccessedDetailsWithEntities operations.
    pub job_id: Option<String>,
}

impl WriteXml for GenerateServiceLastAccessedDetailsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.job_id {
            w.element("JobId", v);
        }
    }
}

/// Input of `GetAccessKeyLastUsed`.
///
/// Retrieves information about when the specified access key was last used.
///
/// Model shape `GetAccessKeyLastUsedRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccessKeyLastUsedInput {
    /// The identifier of an access key.
    pub access_key_id: String,
}

impl GetAccessKeyLastUsedInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let access_key_id_ = d.string(key, path, "AccessKeyId", &STR_ACCESS_KEY_ID_TYPE, true);
        Some(Self {
            access_key_id: access_key_id_?,
        })
    }
}

impl FromQuery for GetAccessKeyLastUsedInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetAccessKeyLastUsed`.
///
/// Contains the response to a successful GetAccessKeyLastUsed request.
///
/// Model shape `GetAccessKeyLastUsedResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccessKeyLastUsedOutput {
    /// The name of the IAM user that owns this access key.
    pub user_name: Option<String>,
    /// Contains information about the last time the access key was used.
    pub access_key_last_used: Option<AccessKeyLastUsed>,
}

impl WriteXml for GetAccessKeyLastUsedOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_name {
            w.element("UserName", v);
        }
        if let Some(v) = &self.access_key_last_used {
            w.start("AccessKeyLastUsed");
            WriteXml::write_xml(v, w);
            w.end("AccessKeyLastUsed");
        }
    }
}

/// Input of `GetAccountAuthorizationDetails`.
///
/// Retrieves information about all IAM users, groups, roles, and policies in your Amazon Web Services account, including their relationships to one another.
///
/// Model shape `GetAccountAuthorizationDetailsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccountAuthorizationDetailsInput {
    /// A list of entity types used to filter the results.
    pub filter: Option<Vec<String>>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
}

impl GetAccountAuthorizationDetailsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let filter_ = d.string_list(
            key,
            path,
            "Filter",
            &LIST_ENTITY_LIST_TYPE,
            &STR_ENTITY_TYPE,
            false,
        );
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        Some(Self {
            filter: filter_,
            max_items: max_items_,
            marker: marker_,
        })
    }
}

impl FromQuery for GetAccountAuthorizationDetailsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetAccountAuthorizationDetails`.
///
/// Contains the response to a successful GetAccountAuthorizationDetails request.
///
/// Model shape `GetAccountAuthorizationDetailsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccountAuthorizationDetailsOutput {
    /// A list containing information about IAM users.
    pub user_detail_list: Option<Vec<UserDetail>>,
    /// A list containing information about IAM groups.
    pub group_detail_list: Option<Vec<GroupDetail>>,
    /// A list containing information about IAM roles.
    pub role_detail_list: Option<Vec<RoleDetail>>,
    /// A list containing information about managed policies.
    pub policies: Option<Vec<ManagedPolicyDetail>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for GetAccountAuthorizationDetailsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_detail_list {
            w.start("UserDetailList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("UserDetailList");
        }
        if let Some(v) = &self.group_detail_list {
            w.start("GroupDetailList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("GroupDetailList");
        }
        if let Some(v) = &self.role_detail_list {
            w.start("RoleDetailList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("RoleDetailList");
        }
        if let Some(v) = &self.policies {
            w.start("Policies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Policies");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Output of `GetAccountPasswordPolicy`.
///
/// Contains the response to a successful GetAccountPasswordPolicy request.
///
/// Model shape `GetAccountPasswordPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccountPasswordPolicyOutput {
    /// A structure that contains details about the account's password policy.
    pub password_policy: PasswordPolicy,
}

impl WriteXml for GetAccountPasswordPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("PasswordPolicy");
        WriteXml::write_xml(&self.password_policy, w);
        w.end("PasswordPolicy");
    }
}

/// Output of `GetAccountSummary`.
///
/// Contains the response to a successful GetAccountSummary request.
///
/// Model shape `GetAccountSummaryResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccountSummaryOutput {
    /// A set of key–value pairs containing information about IAM entity usage and IAM quotas.
    pub summary_map: Option<BTreeMap<String, i32>>,
}

impl WriteXml for GetAccountSummaryOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.summary_map {
            w.start("SummaryMap");
            for (k, v) in v {
                w.start("entry");
                w.element("key", k);
                w.int_element("value", *v);
                w.end("entry");
            }
            w.end("SummaryMap");
        }
    }
}

/// Input of `GetContextKeysForCustomPolicy`.
///
/// Gets a list of all of the context keys referenced in the input policies.
///
/// Model shape `GetContextKeysForCustomPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetContextKeysForCustomPolicyInput {
    /// A list of policies for which you want the list of context keys referenced in those policies.
    pub policy_input_list: Vec<String>,
}

impl GetContextKeysForCustomPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_input_list_ = d.string_list(
            key,
            path,
            "PolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            true,
        );
        Some(Self {
            policy_input_list: policy_input_list_?,
        })
    }
}

impl FromQuery for GetContextKeysForCustomPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetContextKeysForCustomPolicy`, `GetContextKeysForPrincipalPolicy`.
///
/// Contains the response to a successful GetContextKeysForPrincipalPolicy or GetContextKeysForCustomPolicy request.
///
/// Model shape `GetContextKeysForPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetContextKeysForPolicyOutput {
    /// The list of context keys that are referenced in the input policies.
    pub context_key_names: Option<Vec<String>>,
}

impl WriteXml for GetContextKeysForPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.context_key_names {
            w.start("ContextKeyNames");
            for item in v {
                w.element("member", item);
            }
            w.end("ContextKeyNames");
        }
    }
}

/// Input of `GetContextKeysForPrincipalPolicy`.
///
/// Gets a list of all of the context keys referenced in all the IAM policies that are attached to the specified IAM entity.
///
/// Model shape `GetContextKeysForPrincipalPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetContextKeysForPrincipalPolicyInput {
    /// The ARN of a user, group, or role whose policies contain the context keys that you want listed.
    pub policy_source_arn: String,
    /// An optional list of additional policies for which you want the list of context keys that are referenced.
    pub policy_input_list: Option<Vec<String>>,
}

impl GetContextKeysForPrincipalPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_source_arn_ = d.string(key, path, "PolicySourceArn", &STR_ARN_TYPE, true);
        let policy_input_list_ = d.string_list(
            key,
            path,
            "PolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        Some(Self {
            policy_source_arn: policy_source_arn_?,
            policy_input_list: policy_input_list_,
        })
    }
}

impl FromQuery for GetContextKeysForPrincipalPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetCredentialReport`.
///
/// Contains the response to a successful GetCredentialReport request.
///
/// Model shape `GetCredentialReportResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetCredentialReportOutput {
    /// Contains the credential report.
    pub content: Option<Vec<u8>>,
    /// The format (MIME type) of the credential report.
    pub report_format: Option<String>,
    /// The date and time when the credential report was created, in ISO 8601 date-time format .
    pub generated_time: Option<Timestamp>,
}

impl WriteXml for GetCredentialReportOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.content {
            w.blob_element("Content", v);
        }
        if let Some(v) = &self.report_format {
            w.element("ReportFormat", v);
        }
        if let Some(v) = &self.generated_time {
            w.timestamp_element("GeneratedTime", *v);
        }
    }
}

/// Input of `GetDelegationRequest`.
///
/// Retrieves information about a specific delegation request.
///
/// Model shape `GetDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetDelegationRequestInput {
    /// The unique identifier of the delegation request to retrieve.
    pub delegation_request_id: String,
    /// Specifies whether to perform a permission check for the delegation request.
    pub delegation_permission_check: Option<bool>,
}

impl GetDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        let delegation_permission_check_ = d.boolean(key, path, "DelegationPermissionCheck", false);
        Some(Self {
            delegation_request_id: delegation_request_id_?,
            delegation_permission_check: delegation_permission_check_,
        })
    }
}

impl FromQuery for GetDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetDelegationRequest`.
///
/// Model shape `GetDelegationRequestResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetDelegationRequestOutput {
    /// The delegation request object containing all details about the request.
    pub delegation_request: Option<DelegationRequest>,
    /// The status of the permission check for the delegation request.
    pub permission_check_status: Option<String>,
    /// The result of the permission check, indicating whether the caller has sufficient permissions to cover the requested permissions.
    pub permission_check_result: Option<String>,
}

impl WriteXml for GetDelegationRequestOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.delegation_request {
            w.start("DelegationRequest");
            WriteXml::write_xml(v, w);
            w.end("DelegationRequest");
        }
        if let Some(v) = &self.permission_check_status {
            w.element("PermissionCheckStatus", v);
        }
        if let Some(v) = &self.permission_check_result {
            w.element("PermissionCheckResult", v);
        }
    }
}

/// Input of `GetGroup`.
///
/// Returns a list of IAM users that are in the specified IAM group.
///
/// Model shape `GetGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetGroupInput {
    /// The name of the group.
    pub group_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl GetGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            group_name: group_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for GetGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetGroup`.
///
/// Contains the response to a successful GetGroup request.
///
/// Model shape `GetGroupResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetGroupOutput {
    /// A structure that contains details about the group.
    pub group: Group,
    /// A list of users in the group.
    pub users: Vec<User>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for GetGroupOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Group");
        WriteXml::write_xml(&self.group, w);
        w.end("Group");
        w.start("Users");
        for item in &self.users {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Users");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `GetGroupPolicy`.
///
/// Retrieves the specified inline policy document that is embedded in the specified IAM group.
///
/// Model shape `GetGroupPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetGroupPolicyInput {
    /// The name of the group the policy is associated with.
    pub group_name: String,
    /// The name of the policy document to get.
    pub policy_name: String,
}

impl GetGroupPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for GetGroupPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetGroupPolicy`.
///
/// Contains the response to a successful GetGroupPolicy request.
///
/// Model shape `GetGroupPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetGroupPolicyOutput {
    /// The group the policy is associated with.
    pub group_name: String,
    /// The name of the policy.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl WriteXml for GetGroupPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("GroupName", &self.group_name);
        w.element("PolicyName", &self.policy_name);
        w.policy_document_element("PolicyDocument", &self.policy_document);
    }
}

/// Input of `GetHumanReadableSummary`.
///
/// Retrieves a human readable summary for a given entity.
///
/// Model shape `GetHumanReadableSummaryRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetHumanReadableSummaryInput {
    /// Arn of the entity to be summarized.
    pub entity_arn: String,
    /// A string representing the locale to use for the summary generation.
    pub locale: Option<String>,
}

impl GetHumanReadableSummaryInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let entity_arn_ = d.string(key, path, "EntityArn", &STR_ARN_TYPE, true);
        let locale_ = d.string(key, path, "Locale", &STR_LOCALE_TYPE, false);
        Some(Self {
            entity_arn: entity_arn_?,
            locale: locale_,
        })
    }
}

impl FromQuery for GetHumanReadableSummaryInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetHumanReadableSummary`.
///
/// Model shape `GetHumanReadableSummaryResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetHumanReadableSummaryOutput {
    /// Summary content in the specified locale.
    pub summary_content: Option<String>,
    /// The locale that this response was generated for.
    pub locale: Option<String>,
    /// State of summary generation.
    pub summary_state: Option<String>,
}

impl WriteXml for GetHumanReadableSummaryOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.summary_content {
            w.element("SummaryContent", v);
        }
        if let Some(v) = &self.locale {
            w.element("Locale", v);
        }
        if let Some(v) = &self.summary_state {
            w.element("SummaryState", v);
        }
    }
}

/// Input of `GetInstanceProfile`.
///
/// Retrieves information about the specified instance profile, including the instance profile's path, GUID, ARN, and role.
///
/// Model shape `GetInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetInstanceProfileInput {
    /// The name of the instance profile to get information about.
    pub instance_profile_name: String,
}

impl GetInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        Some(Self {
            instance_profile_name: instance_profile_name_?,
        })
    }
}

impl FromQuery for GetInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetInstanceProfile`.
///
/// Contains the response to a successful GetInstanceProfile request.
///
/// Model shape `GetInstanceProfileResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetInstanceProfileOutput {
    /// A structure containing details about the instance profile.
    pub instance_profile: InstanceProfile,
}

impl WriteXml for GetInstanceProfileOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("InstanceProfile");
        WriteXml::write_xml(&self.instance_profile, w);
        w.end("InstanceProfile");
    }
}

/// Input of `GetLoginProfile`.
///
/// Retrieves the user name for the specified IAM user.
///
/// Model shape `GetLoginProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetLoginProfileInput {
    /// The name of the user whose login profile you want to retrieve.
    pub user_name: Option<String>,
}

impl GetLoginProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        Some(Self {
            user_name: user_name_,
        })
    }
}

impl FromQuery for GetLoginProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetLoginProfile`.
///
/// Contains the response to a successful GetLoginProfile request.
///
/// Model shape `GetLoginProfileResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetLoginProfileOutput {
    /// A structure containing the user name and the profile creation date for the user.
    pub login_profile: LoginProfile,
}

impl WriteXml for GetLoginProfileOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("LoginProfile");
        WriteXml::write_xml(&self.login_profile, w);
        w.end("LoginProfile");
    }
}

/// Input of `GetMFADevice`.
///
/// Retrieves information about an MFA device for a specified user.
///
/// Model shape `GetMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetMFADeviceInput {
    /// Serial number that uniquely identifies the MFA device.
    pub serial_number: String,
    /// The friendly name identifying the user.
    pub user_name: Option<String>,
}

impl GetMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        Some(Self {
            serial_number: serial_number_?,
            user_name: user_name_,
        })
    }
}

impl FromQuery for GetMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetMFADevice`.
///
/// Model shape `GetMFADeviceResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetMFADeviceOutput {
    /// The friendly name identifying the user.
    pub user_name: Option<String>,
    /// Serial number that uniquely identifies the MFA device.
    pub serial_number: String,
    /// The date that a specified user's MFA device was first enabled.
    pub enable_date: Option<Timestamp>,
    /// The certifications of a specified user's MFA device.
    pub certifications: Option<BTreeMap<String, String>>,
}

impl WriteXml for GetMFADeviceOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_name {
            w.element("UserName", v);
        }
        w.element("SerialNumber", &self.serial_number);
        if let Some(v) = &self.enable_date {
            w.timestamp_element("EnableDate", *v);
        }
        if let Some(v) = &self.certifications {
            w.start("Certifications");
            for (k, v) in v {
                w.start("entry");
                w.element("key", k);
                w.element("value", v);
                w.end("entry");
            }
            w.end("Certifications");
        }
    }
}

/// Input of `GetOpenIDConnectProvider`.
///
/// Returns information about the specified OpenID Connect (OIDC) provider resource object in IAM.
///
/// Model shape `GetOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetOpenIDConnectProviderInput {
    /// The Amazon Resource Name (ARN) of the OIDC provider resource object in IAM to get information for.
    pub open_id_connect_provider_arn: String,
}

impl GetOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
        })
    }
}

impl FromQuery for GetOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetOpenIDConnectProvider`.
///
/// Contains the response to a successful GetOpenIDConnectProvider request.
///
/// Model shape `GetOpenIDConnectProviderResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetOpenIDConnectProviderOutput {
    /// The URL that the IAM OIDC provider resource object is associated with.
    pub url: Option<String>,
    /// A list of client IDs (also known as audiences) that are associated with the specified IAM OIDC provider resource object.
    pub client_id_list: Option<Vec<String>>,
    /// A list of certificate thumbprints that are associated with the specified IAM OIDC provider resource object.
    pub thumbprint_list: Option<Vec<String>>,
    /// The date and time when the IAM OIDC provider resource object was created in the Amazon Web Services account.
    pub create_date: Option<Timestamp>,
    /// A list of tags that are attached to the specified IAM OIDC provider.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for GetOpenIDConnectProviderOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.url {
            w.element("Url", v);
        }
        if let Some(v) = &self.client_id_list {
            w.start("ClientIDList");
            for item in v {
                w.element("member", item);
            }
            w.end("ClientIDList");
        }
        if let Some(v) = &self.thumbprint_list {
            w.start("ThumbprintList");
            for item in v {
                w.element("member", item);
            }
            w.end("ThumbprintList");
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Input of `GetOrganizationsAccessReport`.
///
/// Retrieves the service last accessed data report for Organizations that was previously generated using the GenerateOrganizationsAccessReport operation.
///
/// Model shape `GetOrganizationsAccessReportRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetOrganizationsAccessReportInput {
    /// The identifier of the request generated by the GenerateOrganizationsAccessReport operation.
    pub job_id: String,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// The key that is used to sort the results.
    pub sort_key: Option<String>,
}

impl GetOrganizationsAccessReportInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let job_id_ = d.string(key, path, "JobId", &STR_JOB_ID_TYPE, true);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let sort_key_ = d.string(key, path, "SortKey", &STR_SORT_KEY_TYPE, false);
        Some(Self {
            job_id: job_id_?,
            max_items: max_items_,
            marker: marker_,
            sort_key: sort_key_,
        })
    }
}

impl FromQuery for GetOrganizationsAccessReportInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetOrganizationsAccessReport`.
///
/// Model shape `GetOrganizationsAccessReportResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetOrganizationsAccessReportOutput {
    /// The status of the job.
    pub job_status: String,
    /// The date and time, in ISO 8601 date-time format , when the report job was created.
    pub job_creation_date: Timestamp,
    /// The date and time, in ISO 8601 date-time format , when the generated report job was completed or failed.
    pub job_completion_date: Option<Timestamp>,
    /// The number of services that the applicable SCPs allow account principals to access.
    pub number_of_services_accessible: Option<i32>,
    /// The number of services that account principals are allowed but did not attempt to access.
    pub number_of_services_not_accessed: Option<i32>,
    /// An object that contains details about the most recent attempt to access the service.
    pub access_details: Option<Vec<AccessDetail>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
    /// The `ErrorDetails` member.
    pub error_details: Option<ErrorDetails>,
}

impl WriteXml for GetOrganizationsAccessReportOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("JobStatus", &self.job_status);
        w.timestamp_element("JobCreationDate", self.job_creation_date);
        if let Some(v) = &self.job_completion_date {
            w.timestamp_element("JobCompletionDate", *v);
        }
        if let Some(v) = &self.number_of_services_accessible {
            w.int_element("NumberOfServicesAccessible", *v);
        }
        if let Some(v) = &self.number_of_services_not_accessed {
            w.int_element("NumberOfServicesNotAccessed", *v);
        }
        if let Some(v) = &self.access_details {
            w.start("AccessDetails");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AccessDetails");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
        if let Some(v) = &self.error_details {
            w.start("ErrorDetails");
            WriteXml::write_xml(v, w);
            w.end("ErrorDetails");
        }
    }
}

/// Output of `GetOutboundWebIdentityFederationInfo`.
///
/// Model shape `GetOutboundWebIdentityFederationInfoResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetOutboundWebIdentityFederationInfoOutput {
    /// A unique issuer URL for your Amazon Web Services account that hosts the OpenID Connect (OIDC) discovery endpoints at /.well-known/openid-configuration and /.well-known/jwks.json .
    pub issuer_identifier: Option<String>,
    /// Indicates whether outbound identity federation is currently enabled for your Amazon Web Services account.
    pub jwt_vending_enabled: Option<bool>,
}

impl WriteXml for GetOutboundWebIdentityFederationInfoOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.issuer_identifier {
            w.element("IssuerIdentifier", v);
        }
        if let Some(v) = &self.jwt_vending_enabled {
            w.bool_element("JwtVendingEnabled", *v);
        }
    }
}

/// Input of `GetPolicy`.
///
/// Retrieves information about the specified managed policy, including the policy's default version and the total number of IAM users, groups, and roles to which the policy is attached.
///
/// Model shape `GetPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetPolicyInput {
    /// The Amazon Resource Name (ARN) of the managed policy that you want information about.
    pub policy_arn: String,
}

impl GetPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        Some(Self {
            policy_arn: policy_arn_?,
        })
    }
}

impl FromQuery for GetPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetPolicy`.
///
/// Contains the response to a successful GetPolicy request.
///
/// Model shape `GetPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetPolicyOutput {
    /// A structure containing details about the policy.
    pub policy: Option<Policy>,
}

impl WriteXml for GetPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy {
            w.start("Policy");
            WriteXml::write_xml(v, w);
            w.end("Policy");
        }
    }
}

/// Input of `GetPolicyVersion`.
///
/// Retrieves information about the specified version of the specified managed policy, including the policy document.
///
/// Model shape `GetPolicyVersionRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetPolicyVersionInput {
    /// The Amazon Resource Name (ARN) of the managed policy that you want information about.
    pub policy_arn: String,
    /// Identifies the policy version to retrieve.
    pub version_id: String,
}

impl GetPolicyVersionInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let version_id_ = d.string(key, path, "VersionId", &STR_POLICY_VERSION_ID_TYPE, true);
        Some(Self {
            policy_arn: policy_arn_?,
            version_id: version_id_?,
        })
    }
}

impl FromQuery for GetPolicyVersionInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetPolicyVersion`.
///
/// Contains the response to a successful GetPolicyVersion request.
///
/// Model shape `GetPolicyVersionResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetPolicyVersionOutput {
    /// A structure containing details about the policy version.
    pub policy_version: Option<PolicyVersion>,
}

impl WriteXml for GetPolicyVersionOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_version {
            w.start("PolicyVersion");
            WriteXml::write_xml(v, w);
            w.end("PolicyVersion");
        }
    }
}

/// Input of `GetRole`.
///
/// Retrieves information about the specified role, including the role's path, GUID, ARN, and the role's trust policy that grants permission to assume the role.
///
/// Model shape `GetRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetRoleInput {
    /// The name of the IAM role to get information about.
    pub role_name: String,
}

impl GetRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
        })
    }
}

impl FromQuery for GetRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetRole`.
///
/// Contains the response to a successful GetRole request.
///
/// Model shape `GetRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetRoleOutput {
    /// A structure containing details about the IAM role.
    pub role: Role,
}

impl WriteXml for GetRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Role");
        WriteXml::write_xml(&self.role, w);
        w.end("Role");
    }
}

/// Input of `GetRolePolicy`.
///
/// Retrieves the specified inline policy document that is embedded with the specified IAM role.
///
/// Model shape `GetRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetRolePolicyInput {
    /// The name of the role associated with the policy.
    pub role_name: String,
    /// The name of the policy document to get.
    pub policy_name: String,
}

impl GetRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for GetRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetRolePolicy`.
///
/// Contains the response to a successful GetRolePolicy request.
///
/// Model shape `GetRolePolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetRolePolicyOutput {
    /// The role the policy is associated with.
    pub role_name: String,
    /// The name of the policy.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl WriteXml for GetRolePolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("RoleName", &self.role_name);
        w.element("PolicyName", &self.policy_name);
        w.policy_document_element("PolicyDocument", &self.policy_document);
    }
}

/// Input of `GetSAMLProvider`.
///
/// Returns the SAML provider metadocument that was uploaded when the IAM SAML provider resource object was created or updated.
///
/// Model shape `GetSAMLProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSAMLProviderInput {
    /// The Amazon Resource Name (ARN) of the SAML provider resource object in IAM to get information about.
    pub saml_provider_arn: String,
}

impl GetSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        Some(Self {
            saml_provider_arn: saml_provider_arn_?,
        })
    }
}

impl FromQuery for GetSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetSAMLProvider`.
///
/// Contains the response to a successful GetSAMLProvider request.
///
/// Model shape `GetSAMLProviderResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSAMLProviderOutput {
    /// The unique identifier assigned to the SAML provider.
    pub saml_provider_uuid: Option<String>,
    /// The XML metadata document that includes information about an identity provider.
    pub saml_metadata_document: Option<String>,
    /// The date and time when the SAML provider was created.
    pub create_date: Option<Timestamp>,
    /// The expiration date and time for the SAML provider.
    pub valid_until: Option<Timestamp>,
    /// A list of tags that are attached to the specified IAM SAML provider.
    pub tags: Option<Vec<Tag>>,
    /// Specifies the encryption setting for the SAML provider.
    pub assertion_encryption_mode: Option<String>,
    /// The private key metadata for the SAML provider.
    pub private_key_list: Option<Vec<SAMLPrivateKey>>,
}

impl WriteXml for GetSAMLProviderOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.saml_provider_uuid {
            w.element("SAMLProviderUUID", v);
        }
        if let Some(v) = &self.saml_metadata_document {
            w.element("SAMLMetadataDocument", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.valid_until {
            w.timestamp_element("ValidUntil", *v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
        if let Some(v) = &self.assertion_encryption_mode {
            w.element("AssertionEncryptionMode", v);
        }
        if let Some(v) = &self.private_key_list {
            w.start("PrivateKeyList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("PrivateKeyList");
        }
    }
}

/// Input of `GetSSHPublicKey`.
///
/// Retrieves the specified SSH public key, including metadata about the key.
///
/// Model shape `GetSSHPublicKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSSHPublicKeyInput {
    /// The name of the IAM user associated with the SSH public key.
    pub user_name: String,
    /// The unique identifier for the SSH public key.
    pub ssh_public_key_id: String,
    /// Specifies the public key encoding format to use in the response.
    pub encoding: String,
}

impl GetSSHPublicKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let ssh_public_key_id_ =
            d.string(key, path, "SSHPublicKeyId", &STR_PUBLIC_KEY_ID_TYPE, true);
        let encoding_ = d.string(key, path, "Encoding", &STR_ENCODING_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            ssh_public_key_id: ssh_public_key_id_?,
            encoding: encoding_?,
        })
    }
}

impl FromQuery for GetSSHPublicKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetSSHPublicKey`.
///
/// Contains the response to a successful GetSSHPublicKey request.
///
/// Model shape `GetSSHPublicKeyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSSHPublicKeyOutput {
    /// A structure containing details about the SSH public key.
    pub ssh_public_key: Option<SSHPublicKey>,
}

impl WriteXml for GetSSHPublicKeyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.ssh_public_key {
            w.start("SSHPublicKey");
            WriteXml::write_xml(v, w);
            w.end("SSHPublicKey");
        }
    }
}

/// Input of `GetServerCertificate`.
///
/// Retrieves information about the specified server certificate stored in IAM.
///
/// Model shape `GetServerCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServerCertificateInput {
    /// The name of the server certificate you want to retrieve information about.
    pub server_certificate_name: String,
}

impl GetServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        Some(Self {
            server_certificate_name: server_certificate_name_?,
        })
    }
}

impl FromQuery for GetServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetServerCertificate`.
///
/// Contains the response to a successful GetServerCertificate request.
///
/// Model shape `GetServerCertificateResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServerCertificateOutput {
    /// A structure containing details about the server certificate.
    pub server_certificate: ServerCertificate,
}

impl WriteXml for GetServerCertificateOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("ServerCertificate");
        WriteXml::write_xml(&self.server_certificate, w);
        w.end("ServerCertificate");
    }
}

/// Input of `GetServiceLastAccessedDetails`.
///
/// Retrieves a service last accessed report that was created using the GenerateServiceLastAccessedDetails operation.
///
/// Model shape `GetServiceLastAccessedDetailsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLastAccessedDetailsInput {
    /// The ID of the request generated by the GenerateServiceLastAccessedDetails operation.
    pub job_id: String,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
}

impl GetServiceLastAccessedDetailsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let job_id_ = d.string(key, path, "JobId", &STR_JOB_ID_TYPE, true);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        Some(Self {
            job_id: job_id_?,
            max_items: max_items_,
            marker: marker_,
        })
    }
}

impl FromQuery for GetServiceLastAccessedDetailsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetServiceLastAccessedDetails`.
///
/// Model shape `GetServiceLastAccessedDetailsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLastAccessedDetailsOutput {
    /// The status of the job.
    pub job_status: String,
    /// The type of job.
    pub job_type: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the report job was created.
    pub job_creation_date: Timestamp,
    /// A ServiceLastAccessed object that contains details about the most recent attempt to access the service.
    pub services_last_accessed: Vec<ServiceLastAccessed>,
    /// The date and time, in ISO 8601 date-time format , when the generated report job was completed or failed.
    pub job_completion_date: Timestamp,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
    /// An object that contains details about the reason the operation failed.
    pub error: Option<ErrorDetails>,
}

impl WriteXml for GetServiceLastAccessedDetailsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("JobStatus", &self.job_status);
        if let Some(v) = &self.job_type {
            w.element("JobType", v);
        }
        w.timestamp_element("JobCreationDate", self.job_creation_date);
        w.start("ServicesLastAccessed");
        for item in &self.services_last_accessed {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("ServicesLastAccessed");
        w.timestamp_element("JobCompletionDate", self.job_completion_date);
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
        if let Some(v) = &self.error {
            w.start("Error");
            WriteXml::write_xml(v, w);
            w.end("Error");
        }
    }
}

/// Input of `GetServiceLastAccessedDetailsWithEntities`.
///
/// After you generate a group or policy report using the GenerateServiceLastAccessedDetails operation, you can use the JobId parameter in GetServiceLastAccessedDetailsWithEntities .
///
/// Model shape `GetServiceLastAccessedDetailsWithEntitiesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLastAccessedDetailsWithEntitiesInput {
    /// The ID of the request generated by the GenerateServiceLastAccessedDetails operation.
    pub job_id: String,
    /// The service namespace for an Amazon Web Services service.
    pub service_namespace: String,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
}

impl GetServiceLastAccessedDetailsWithEntitiesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let job_id_ = d.string(key, path, "JobId", &STR_JOB_ID_TYPE, true);
        let service_namespace_ = d.string(
            key,
            path,
            "ServiceNamespace",
            &STR_SERVICE_NAMESPACE_TYPE,
            true,
        );
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        Some(Self {
            job_id: job_id_?,
            service_namespace: service_namespace_?,
            max_items: max_items_,
            marker: marker_,
        })
    }
}

impl FromQuery for GetServiceLastAccessedDetailsWithEntitiesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetServiceLastAccessedDetailsWithEntities`.
///
/// Model shape `GetServiceLastAccessedDetailsWithEntitiesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLastAccessedDetailsWithEntitiesOutput {
    /// The status of the job.
    pub job_status: String,
    /// The date and time, in ISO 8601 date-time format , when the report job was created.
    pub job_creation_date: Timestamp,
    /// The date and time, in ISO 8601 date-time format , when the generated report job was completed or failed.
    pub job_completion_date: Timestamp,
    /// An EntityDetailsList object that contains details about when an IAM entity (user or role) used group or policy permissions in an attempt to access the specified Amazon Web Services service.
    pub entity_details_list: Vec<EntityDetails>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
    /// An object that contains details about the reason the operation failed.
    pub error: Option<ErrorDetails>,
}

impl WriteXml for GetServiceLastAccessedDetailsWithEntitiesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("JobStatus", &self.job_status);
        w.timestamp_element("JobCreationDate", self.job_creation_date);
        w.timestamp_element("JobCompletionDate", self.job_completion_date);
        w.start("EntityDetailsList");
        for item in &self.entity_details_list {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("EntityDetailsList");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
        if let Some(v) = &self.error {
            w.start("Error");
            WriteXml::write_xml(v, w);
            w.end("Error");
        }
    }
}

/// Input of `GetServiceLinkedRoleDeletionStatus`.
///
/// Retrieves the status of your service-linked role deletion.
///
/// Model shape `GetServiceLinkedRoleDeletionStatusRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLinkedRoleDeletionStatusInput {
    /// The deletion task identifier.
    pub deletion_task_id: String,
}

impl GetServiceLinkedRoleDeletionStatusInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let deletion_task_id_ = d.string(
            key,
            path,
            "DeletionTaskId",
            &STR_DELETION_TASK_ID_TYPE,
            true,
        );
        Some(Self {
            deletion_task_id: deletion_task_id_?,
        })
    }
}

impl FromQuery for GetServiceLinkedRoleDeletionStatusInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetServiceLinkedRoleDeletionStatus`.
///
/// Model shape `GetServiceLinkedRoleDeletionStatusResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetServiceLinkedRoleDeletionStatusOutput {
    /// The status of the deletion.
    pub status: String,
    /// An object that contains details about the reason the deletion failed.
    pub reason: Option<DeletionTaskFailureReasonType>,
}

impl WriteXml for GetServiceLinkedRoleDeletionStatusOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Status", &self.status);
        if let Some(v) = &self.reason {
            w.start("Reason");
            WriteXml::write_xml(v, w);
            w.end("Reason");
        }
    }
}

/// Input of `GetUser`.
///
/// Retrieves information about the specified IAM user, including the user's creation date, path, unique ID, and ARN.
///
/// Model shape `GetUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetUserInput {
    /// The name of the user to get information about.
    pub user_name: Option<String>,
}

impl GetUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        Some(Self {
            user_name: user_name_,
        })
    }
}

impl FromQuery for GetUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetUser`.
///
/// Contains the response to a successful GetUser request.
///
/// Model shape `GetUserResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetUserOutput {
    /// A structure containing details about the IAM user.
    pub user: User,
}

impl WriteXml for GetUserOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("User");
        WriteXml::write_xml(&self.user, w);
        w.end("User");
    }
}

/// Input of `GetUserPolicy`.
///
/// Retrieves the specified inline policy document that is embedded in the specified IAM user.
///
/// Model shape `GetUserPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetUserPolicyInput {
    /// The name of the user who the policy is associated with.
    pub user_name: String,
    /// The name of the policy document to get.
    pub policy_name: String,
}

impl GetUserPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            policy_name: policy_name_?,
        })
    }
}

impl FromQuery for GetUserPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetUserPolicy`.
///
/// Contains the response to a successful GetUserPolicy request.
///
/// Model shape `GetUserPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetUserPolicyOutput {
    /// The user the policy is associated with.
    pub user_name: String,
    /// The name of the policy.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl WriteXml for GetUserPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("PolicyName", &self.policy_name);
        w.policy_document_element("PolicyDocument", &self.policy_document);
    }
}

/// Input of `ListAccessKeys`.
///
/// Returns information about the access key IDs associated with the specified IAM user.
///
/// Model shape `ListAccessKeysRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAccessKeysInput {
    /// The name of the user.
    pub user_name: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListAccessKeysInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListAccessKeysInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListAccessKeys`.
///
/// Contains the response to a successful ListAccessKeys request.
///
/// Model shape `ListAccessKeysResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAccessKeysOutput {
    /// A list of objects containing metadata about the access keys.
    pub access_key_metadata: Vec<AccessKeyMetadata>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListAccessKeysOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("AccessKeyMetadata");
        for item in &self.access_key_metadata {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("AccessKeyMetadata");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListAccountAliases`.
///
/// Lists the account alias associated with the Amazon Web Services account (Note: you can have only one).
///
/// Model shape `ListAccountAliasesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAccountAliasesInput {
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListAccountAliasesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListAccountAliasesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListAccountAliases`.
///
/// Contains the response to a successful ListAccountAliases request.
///
/// Model shape `ListAccountAliasesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAccountAliasesOutput {
    /// A list of aliases associated with the account.
    pub account_aliases: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListAccountAliasesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("AccountAliases");
        for item in &self.account_aliases {
            w.element("member", item);
        }
        w.end("AccountAliases");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListAttachedGroupPolicies`.
///
/// Lists all managed policies that are attached to the specified IAM group.
///
/// Model shape `ListAttachedGroupPoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedGroupPoliciesInput {
    /// The name (friendly name, not ARN) of the group to list attached policies for.
    pub group_name: String,
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListAttachedGroupPoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_POLICY_PATH_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            group_name: group_name_?,
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListAttachedGroupPoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListAttachedGroupPolicies`.
///
/// Contains the response to a successful ListAttachedGroupPolicies request.
///
/// Model shape `ListAttachedGroupPoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedGroupPoliciesOutput {
    /// A list of the attached policies.
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListAttachedGroupPoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.attached_policies {
            w.start("AttachedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedPolicies");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListAttachedRolePolicies`.
///
/// Lists all managed policies that are attached to the specified IAM role.
///
/// Model shape `ListAttachedRolePoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedRolePoliciesInput {
    /// The name (friendly name, not ARN) of the role to list attached policies for.
    pub role_name: String,
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListAttachedRolePoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_POLICY_PATH_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            role_name: role_name_?,
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListAttachedRolePoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListAttachedRolePolicies`.
///
/// Contains the response to a successful ListAttachedRolePolicies request.
///
/// Model shape `ListAttachedRolePoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedRolePoliciesOutput {
    /// A list of the attached policies.
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListAttachedRolePoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.attached_policies {
            w.start("AttachedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedPolicies");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListAttachedUserPolicies`.
///
/// Lists all managed policies that are attached to the specified IAM user.
///
/// Model shape `ListAttachedUserPoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedUserPoliciesInput {
    /// The name (friendly name, not ARN) of the user to list attached policies for.
    pub user_name: String,
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListAttachedUserPoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_POLICY_PATH_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_?,
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListAttachedUserPoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListAttachedUserPolicies`.
///
/// Contains the response to a successful ListAttachedUserPolicies request.
///
/// Model shape `ListAttachedUserPoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListAttachedUserPoliciesOutput {
    /// A list of the attached policies.
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListAttachedUserPoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.attached_policies {
            w.start("AttachedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedPolicies");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListDelegationRequests`.
///
/// Lists delegation requests based on the specified criteria.
///
/// Model shape `ListDelegationRequestsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDelegationRequestsInput {
    /// The owner ID to filter delegation requests by.
    pub owner_id: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListDelegationRequestsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let owner_id_ = d.string(key, path, "OwnerId", &STR_OWNER_ID_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            owner_id: owner_id_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListDelegationRequestsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListDelegationRequests`.
///
/// Model shape `ListDelegationRequestsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDelegationRequestsOutput {
    /// A list of delegation requests that match the specified criteria.
    pub delegation_requests: Option<Vec<DelegationRequest>>,
    /// When isTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
}

impl WriteXml for ListDelegationRequestsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.delegation_requests {
            w.start("DelegationRequests");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("DelegationRequests");
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("isTruncated", *v);
        }
    }
}

/// Input of `ListEntitiesForPolicy`.
///
/// Lists all IAM users, groups, and roles that the specified managed policy is attached to.
///
/// Model shape `ListEntitiesForPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListEntitiesForPolicyInput {
    /// The Amazon Resource Name (ARN) of the IAM policy for which you want the versions.
    pub policy_arn: String,
    /// The entity type to use for filtering the results.
    pub entity_filter: Option<String>,
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// The policy usage method to use for filtering the results.
    pub policy_usage_filter: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListEntitiesForPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let entity_filter_ = d.string(key, path, "EntityFilter", &STR_ENTITY_TYPE, false);
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_TYPE, false);
        let policy_usage_filter_ = d.string(
            key,
            path,
            "PolicyUsageFilter",
            &STR_POLICY_USAGE_TYPE,
            false,
        );
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            policy_arn: policy_arn_?,
            entity_filter: entity_filter_,
            path_prefix: path_prefix_,
            policy_usage_filter: policy_usage_filter_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListEntitiesForPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListEntitiesForPolicy`.
///
/// Contains the response to a successful ListEntitiesForPolicy request.
///
/// Model shape `ListEntitiesForPolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListEntitiesForPolicyOutput {
    /// A list of IAM groups that the policy is attached to.
    pub policy_groups: Option<Vec<PolicyGroup>>,
    /// A list of IAM users that the policy is attached to.
    pub policy_users: Option<Vec<PolicyUser>>,
    /// A list of IAM roles that the policy is attached to.
    pub policy_roles: Option<Vec<PolicyRole>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListEntitiesForPolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_groups {
            w.start("PolicyGroups");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("PolicyGroups");
        }
        if let Some(v) = &self.policy_users {
            w.start("PolicyUsers");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("PolicyUsers");
        }
        if let Some(v) = &self.policy_roles {
            w.start("PolicyRoles");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("PolicyRoles");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListGroupPolicies`.
///
/// Lists the names of the inline policies that are embedded in the specified IAM group.
///
/// Model shape `ListGroupPoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupPoliciesInput {
    /// The name of the group to list policies for.
    pub group_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListGroupPoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            group_name: group_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListGroupPoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListGroupPolicies`.
///
/// Contains the response to a successful ListGroupPolicies request.
///
/// Model shape `ListGroupPoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupPoliciesOutput {
    /// A list of policy names.
    pub policy_names: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListGroupPoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("PolicyNames");
        for item in &self.policy_names {
            w.element("member", item);
        }
        w.end("PolicyNames");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListGroups`.
///
/// Lists the IAM groups that have the specified path prefix.
///
/// Model shape `ListGroupsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupsInput {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListGroupsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_PREFIX_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListGroupsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListGroups`.
///
/// Contains the response to a successful ListGroups request.
///
/// Model shape `ListGroupsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupsOutput {
    /// A list of groups.
    pub groups: Vec<Group>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListGroupsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Groups");
        for item in &self.groups {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Groups");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListGroupsForUser`.
///
/// Lists the IAM groups that the specified IAM user belongs to.
///
/// Model shape `ListGroupsForUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupsForUserInput {
    /// The name of the user to list groups for.
    pub user_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListGroupsForUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListGroupsForUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListGroupsForUser`.
///
/// Contains the response to a successful ListGroupsForUser request.
///
/// Model shape `ListGroupsForUserResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListGroupsForUserOutput {
    /// A list of groups.
    pub groups: Vec<Group>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListGroupsForUserOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Groups");
        for item in &self.groups {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Groups");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListInstanceProfileTags`.
///
/// Lists the tags that are attached to the specified IAM instance profile.
///
/// Model shape `ListInstanceProfileTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfileTagsInput {
    /// The name of the IAM instance profile whose tags you want to see.
    pub instance_profile_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListInstanceProfileTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListInstanceProfileTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListInstanceProfileTags`.
///
/// Model shape `ListInstanceProfileTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfileTagsOutput {
    /// The list of tags that are currently attached to the IAM instance profile.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListInstanceProfileTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListInstanceProfiles`.
///
/// Lists the instance profiles that have the specified path prefix.
///
/// Model shape `ListInstanceProfilesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfilesInput {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListInstanceProfilesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_PREFIX_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListInstanceProfilesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListInstanceProfiles`.
///
/// Contains the response to a successful ListInstanceProfiles request.
///
/// Model shape `ListInstanceProfilesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfilesOutput {
    /// A list of instance profiles.
    pub instance_profiles: Vec<InstanceProfile>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListInstanceProfilesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("InstanceProfiles");
        for item in &self.instance_profiles {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("InstanceProfiles");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListInstanceProfilesForRole`.
///
/// Lists the instance profiles that have the specified associated IAM role.
///
/// Model shape `ListInstanceProfilesForRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfilesForRoleInput {
    /// The name of the role to list instance profiles for.
    pub role_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListInstanceProfilesForRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            role_name: role_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListInstanceProfilesForRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListInstanceProfilesForRole`.
///
/// Contains the response to a successful ListInstanceProfilesForRole request.
///
/// Model shape `ListInstanceProfilesForRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListInstanceProfilesForRoleOutput {
    /// A list of instance profiles.
    pub instance_profiles: Vec<InstanceProfile>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListInstanceProfilesForRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("InstanceProfiles");
        for item in &self.instance_profiles {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("InstanceProfiles");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListMFADeviceTags`.
///
/// Lists the tags that are attached to the specified IAM virtual multi-factor authentication (MFA) device.
///
/// Model shape `ListMFADeviceTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListMFADeviceTagsInput {
    /// The unique identifier for the IAM virtual MFA device whose tags you want to see.
    pub serial_number: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListMFADeviceTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            serial_number: serial_number_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListMFADeviceTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListMFADeviceTags`.
///
/// Model shape `ListMFADeviceTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListMFADeviceTagsOutput {
    /// The list of tags that are currently attached to the virtual MFA device.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListMFADeviceTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListMFADevices`.
///
/// Lists the MFA devices for an IAM user.
///
/// Model shape `ListMFADevicesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListMFADevicesInput {
    /// The name of the user whose MFA devices you want to list.
    pub user_name: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListMFADevicesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListMFADevicesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListMFADevices`.
///
/// Contains the response to a successful ListMFADevices request.
///
/// Model shape `ListMFADevicesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListMFADevicesOutput {
    /// A list of MFA devices.
    pub mfa_devices: Vec<MFADevice>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListMFADevicesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("MFADevices");
        for item in &self.mfa_devices {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("MFADevices");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListOpenIDConnectProviderTags`.
///
/// Lists the tags that are attached to the specified OpenID Connect (OIDC)-compatible identity provider.
///
/// Model shape `ListOpenIDConnectProviderTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOpenIDConnectProviderTagsInput {
    /// The ARN of the OpenID Connect (OIDC) identity provider whose tags you want to see.
    pub open_id_connect_provider_arn: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListOpenIDConnectProviderTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListOpenIDConnectProviderTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListOpenIDConnectProviderTags`.
///
/// Model shape `ListOpenIDConnectProviderTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOpenIDConnectProviderTagsOutput {
    /// The list of tags that are currently attached to the OpenID Connect (OIDC) identity provider.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListOpenIDConnectProviderTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListOpenIDConnectProviders`.
///
/// Lists information about the IAM OpenID Connect (OIDC) provider resource objects defined in the Amazon Web Services account.
///
/// Model shape `ListOpenIDConnectProvidersRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOpenIDConnectProvidersInput {}

impl ListOpenIDConnectProvidersInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for ListOpenIDConnectProvidersInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListOpenIDConnectProviders`.
///
/// Contains the response to a successful ListOpenIDConnectProviders request.
///
/// Model shape `ListOpenIDConnectProvidersResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOpenIDConnectProvidersOutput {
    /// The list of IAM OIDC provider resource objects defined in the Amazon Web Services account.
    pub open_id_connect_provider_list: Option<Vec<OpenIDConnectProviderListEntry>>,
}

impl WriteXml for ListOpenIDConnectProvidersOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.open_id_connect_provider_list {
            w.start("OpenIDConnectProviderList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("OpenIDConnectProviderList");
        }
    }
}

/// Input of `ListOrganizationsFeatures`.
///
/// Lists the centralized root access features enabled for your organization.
///
/// Model shape `ListOrganizationsFeaturesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOrganizationsFeaturesInput {}

impl ListOrganizationsFeaturesInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for ListOrganizationsFeaturesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListOrganizationsFeatures`.
///
/// Model shape `ListOrganizationsFeaturesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOrganizationsFeaturesOutput {
    /// The unique identifier (ID) of an organization.
    pub organization_id: Option<String>,
    /// Specifies the features that are currently available in your organization.
    pub enabled_features: Option<Vec<String>>,
}

impl WriteXml for ListOrganizationsFeaturesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.organization_id {
            w.element("OrganizationId", v);
        }
        if let Some(v) = &self.enabled_features {
            w.start("EnabledFeatures");
            for item in v {
                w.element("member", item);
            }
            w.end("EnabledFeatures");
        }
    }
}

/// Input of `ListPolicies`.
///
/// Lists all the managed policies that are available in your Amazon Web Services account, including your own customer-defined managed policies and all Amazon Web Services managed policies.
///
/// Model shape `ListPoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPoliciesInput {
    /// The scope to use for filtering the results.
    pub scope: Option<String>,
    /// A flag to filter the results to only the attached policies.
    pub only_attached: Option<bool>,
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// The policy usage method to use for filtering the results.
    pub policy_usage_filter: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListPoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let scope_ = d.string(key, path, "Scope", &STR_POLICY_SCOPE_TYPE, false);
        let only_attached_ = d.boolean(key, path, "OnlyAttached", false);
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_POLICY_PATH_TYPE, false);
        let policy_usage_filter_ = d.string(
            key,
            path,
            "PolicyUsageFilter",
            &STR_POLICY_USAGE_TYPE,
            false,
        );
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            scope: scope_,
            only_attached: only_attached_,
            path_prefix: path_prefix_,
            policy_usage_filter: policy_usage_filter_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListPoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListPolicies`.
///
/// Contains the response to a successful ListPolicies request.
///
/// Model shape `ListPoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPoliciesOutput {
    /// A list of policies.
    pub policies: Option<Vec<Policy>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListPoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policies {
            w.start("Policies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Policies");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListPoliciesGrantingServiceAccess`.
///
/// Retrieves a list of policies that the IAM identity (user, group, or role) can use to access each specified service.
///
/// Model shape `ListPoliciesGrantingServiceAccessRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPoliciesGrantingServiceAccessInput {
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// The ARN of the IAM identity (user, group, or role) whose policies you want to list.
    pub arn: String,
    /// The service namespace for the Amazon Web Services services whose policies you want to list.
    pub service_namespaces: Vec<String>,
}

impl ListPoliciesGrantingServiceAccessInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let arn_ = d.string(key, path, "Arn", &STR_ARN_TYPE, true);
        let service_namespaces_ = d.string_list(
            key,
            path,
            "ServiceNamespaces",
            &LIST_SERVICE_NAMESPACE_LIST_TYPE,
            &STR_SERVICE_NAMESPACE_TYPE,
            true,
        );
        Some(Self {
            marker: marker_,
            arn: arn_?,
            service_namespaces: service_namespaces_?,
        })
    }
}

impl FromQuery for ListPoliciesGrantingServiceAccessInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListPoliciesGrantingServiceAccess`.
///
/// Model shape `ListPoliciesGrantingServiceAccessResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPoliciesGrantingServiceAccessOutput {
    /// A ListPoliciesGrantingServiceAccess object that contains details about the permissions policies attached to the specified identity (user, group, or role).
    pub policies_granting_service_access: Vec<ListPoliciesGrantingServiceAccessEntry>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListPoliciesGrantingServiceAccessOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("PoliciesGrantingServiceAccess");
        for item in &self.policies_granting_service_access {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("PoliciesGrantingServiceAccess");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListPolicyTags`.
///
/// Lists the tags that are attached to the specified IAM customer managed policy.
///
/// Model shape `ListPolicyTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPolicyTagsInput {
    /// The ARN of the IAM customer managed policy whose tags you want to see.
    pub policy_arn: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListPolicyTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            policy_arn: policy_arn_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListPolicyTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListPolicyTags`.
///
/// Model shape `ListPolicyTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPolicyTagsOutput {
    /// The list of tags that are currently attached to the IAM customer managed policy.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListPolicyTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListPolicyVersions`.
///
/// Lists information about the versions of the specified managed policy, including the version that is currently set as the policy's default version.
///
/// Model shape `ListPolicyVersionsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPolicyVersionsInput {
    /// The Amazon Resource Name (ARN) of the IAM policy for which you want the versions.
    pub policy_arn: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListPolicyVersionsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            policy_arn: policy_arn_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListPolicyVersionsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListPolicyVersions`.
///
/// Contains the response to a successful ListPolicyVersions request.
///
/// Model shape `ListPolicyVersionsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPolicyVersionsOutput {
    /// A list of policy versions.
    pub versions: Option<Vec<PolicyVersion>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListPolicyVersionsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.versions {
            w.start("Versions");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Versions");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListRolePolicies`.
///
/// Lists the names of the inline policies that are embedded in the specified IAM role.
///
/// Model shape `ListRolePoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRolePoliciesInput {
    /// The name of the role to list policies for.
    pub role_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListRolePoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            role_name: role_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListRolePoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListRolePolicies`.
///
/// Contains the response to a successful ListRolePolicies request.
///
/// Model shape `ListRolePoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRolePoliciesOutput {
    /// A list of policy names.
    pub policy_names: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListRolePoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("PolicyNames");
        for item in &self.policy_names {
            w.element("member", item);
        }
        w.end("PolicyNames");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListRoleTags`.
///
/// Lists the tags that are attached to the specified role.
///
/// Model shape `ListRoleTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRoleTagsInput {
    /// The name of the IAM role for which you want to see the list of tags.
    pub role_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListRoleTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            role_name: role_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListRoleTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListRoleTags`.
///
/// Model shape `ListRoleTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRoleTagsOutput {
    /// The list of tags that are currently attached to the role.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListRoleTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListRoles`.
///
/// Lists the IAM roles that have the specified path prefix.
///
/// Model shape `ListRolesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRolesInput {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListRolesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_PREFIX_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListRolesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListRoles`.
///
/// Contains the response to a successful ListRoles request.
///
/// Model shape `ListRolesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRolesOutput {
    /// A list of roles.
    pub roles: Vec<Role>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListRolesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Roles");
        for item in &self.roles {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Roles");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListSAMLProviderTags`.
///
/// Lists the tags that are attached to the specified Security Assertion Markup Language (SAML) identity provider.
///
/// Model shape `ListSAMLProviderTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSAMLProviderTagsInput {
    /// The ARN of the Security Assertion Markup Language (SAML) identity provider whose tags you want to see.
    pub saml_provider_arn: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListSAMLProviderTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            saml_provider_arn: saml_provider_arn_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListSAMLProviderTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListSAMLProviderTags`.
///
/// Model shape `ListSAMLProviderTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSAMLProviderTagsOutput {
    /// The list of tags that are currently attached to the Security Assertion Markup Language (SAML) identity provider.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListSAMLProviderTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListSAMLProviders`.
///
/// Lists the SAML provider resource objects defined in IAM in the account.
///
/// Model shape `ListSAMLProvidersRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSAMLProvidersInput {}

impl ListSAMLProvidersInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for ListSAMLProvidersInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListSAMLProviders`.
///
/// Contains the response to a successful ListSAMLProviders request.
///
/// Model shape `ListSAMLProvidersResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSAMLProvidersOutput {
    /// The list of SAML provider resource objects defined in IAM for this Amazon Web Services account.
    pub saml_provider_list: Option<Vec<SAMLProviderListEntry>>,
}

impl WriteXml for ListSAMLProvidersOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.saml_provider_list {
            w.start("SAMLProviderList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("SAMLProviderList");
        }
    }
}

/// Input of `ListSSHPublicKeys`.
///
/// Returns information about the SSH public keys associated with the specified IAM user.
///
/// Model shape `ListSSHPublicKeysRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSSHPublicKeysInput {
    /// The name of the IAM user to list SSH public keys for.
    pub user_name: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListSSHPublicKeysInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListSSHPublicKeysInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListSSHPublicKeys`.
///
/// Contains the response to a successful ListSSHPublicKeys request.
///
/// Model shape `ListSSHPublicKeysResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSSHPublicKeysOutput {
    /// A list of the SSH public keys assigned to IAM user.
    pub ssh_public_keys: Option<Vec<SSHPublicKeyMetadata>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListSSHPublicKeysOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.ssh_public_keys {
            w.start("SSHPublicKeys");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("SSHPublicKeys");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListServerCertificateTags`.
///
/// Lists the tags that are attached to the specified IAM server certificate.
///
/// Model shape `ListServerCertificateTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServerCertificateTagsInput {
    /// The name of the IAM server certificate whose tags you want to see.
    pub server_certificate_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListServerCertificateTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            server_certificate_name: server_certificate_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListServerCertificateTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListServerCertificateTags`.
///
/// Model shape `ListServerCertificateTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServerCertificateTagsOutput {
    /// The list of tags that are currently attached to the IAM server certificate.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListServerCertificateTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListServerCertificates`.
///
/// Lists the server certificates stored in IAM that have the specified path prefix.
///
/// Model shape `ListServerCertificatesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServerCertificatesInput {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListServerCertificatesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_PREFIX_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListServerCertificatesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListServerCertificates`.
///
/// Contains the response to a successful ListServerCertificates request.
///
/// Model shape `ListServerCertificatesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServerCertificatesOutput {
    /// A list of server certificates.
    pub server_certificate_metadata_list: Vec<ServerCertificateMetadata>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListServerCertificatesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("ServerCertificateMetadataList");
        for item in &self.server_certificate_metadata_list {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("ServerCertificateMetadataList");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListServiceSpecificCredentials`.
///
/// Returns information about the service-specific credentials associated with the specified IAM user.
///
/// Model shape `ListServiceSpecificCredentialsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServiceSpecificCredentialsInput {
    /// The name of the user whose service-specific credentials you want information about.
    pub user_name: Option<String>,
    /// Filters the returned results to only those for the specified Amazon Web Services service.
    pub service_name: Option<String>,
    /// A flag indicating whether to list service specific credentials for all users.
    pub all_users: Option<bool>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListServiceSpecificCredentialsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let service_name_ = d.string(key, path, "ServiceName", &STR_SERVICE_NAME, false);
        let all_users_ = d.boolean(key, path, "AllUsers", false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_,
            service_name: service_name_,
            all_users: all_users_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListServiceSpecificCredentialsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListServiceSpecificCredentials`.
///
/// Model shape `ListServiceSpecificCredentialsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListServiceSpecificCredentialsOutput {
    /// A list of structures that each contain details about a service-specific credential.
    pub service_specific_credentials: Option<Vec<ServiceSpecificCredentialMetadata>>,
    /// When IsTruncated is true, this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
}

impl WriteXml for ListServiceSpecificCredentialsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.service_specific_credentials {
            w.start("ServiceSpecificCredentials");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("ServiceSpecificCredentials");
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
    }
}

/// Input of `ListSigningCertificates`.
///
/// Returns information about the signing certificates associated with the specified IAM user.
///
/// Model shape `ListSigningCertificatesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSigningCertificatesInput {
    /// The name of the IAM user whose signing certificates you want to examine.
    pub user_name: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListSigningCertificatesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListSigningCertificatesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListSigningCertificates`.
///
/// Contains the response to a successful ListSigningCertificates request.
///
/// Model shape `ListSigningCertificatesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSigningCertificatesOutput {
    /// A list of the user's signing certificate information.
    pub certificates: Vec<SigningCertificate>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListSigningCertificatesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Certificates");
        for item in &self.certificates {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Certificates");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListUserPolicies`.
///
/// Lists the names of the inline policies embedded in the specified IAM user.
///
/// Model shape `ListUserPoliciesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUserPoliciesInput {
    /// The name of the user to list policies for.
    pub user_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListUserPoliciesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListUserPoliciesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListUserPolicies`.
///
/// Contains the response to a successful ListUserPolicies request.
///
/// Model shape `ListUserPoliciesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUserPoliciesOutput {
    /// A list of policy names.
    pub policy_names: Vec<String>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListUserPoliciesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("PolicyNames");
        for item in &self.policy_names {
            w.element("member", item);
        }
        w.end("PolicyNames");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListUserTags`.
///
/// Lists the tags that are attached to the specified IAM user.
///
/// Model shape `ListUserTagsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUserTagsInput {
    /// The name of the IAM user whose tags you want to see.
    pub user_name: String,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListUserTagsInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            user_name: user_name_?,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListUserTagsInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListUserTags`.
///
/// Model shape `ListUserTagsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUserTagsOutput {
    /// The list of tags that are currently attached to the user.
    pub tags: Vec<Tag>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListUserTagsOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Tags");
        for item in &self.tags {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Tags");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListUsers`.
///
/// Lists the IAM users that have the specified path prefix.
///
/// Model shape `ListUsersRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUsersInput {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListUsersInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_prefix_ = d.string(key, path, "PathPrefix", &STR_PATH_PREFIX_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            path_prefix: path_prefix_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListUsersInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListUsers`.
///
/// Contains the response to a successful ListUsers request.
///
/// Model shape `ListUsersResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUsersOutput {
    /// A list of users.
    pub users: Vec<User>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListUsersOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Users");
        for item in &self.users {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Users");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `ListVirtualMFADevices`.
///
/// Lists the virtual MFA devices defined in the Amazon Web Services account by assignment status.
///
/// Model shape `ListVirtualMFADevicesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListVirtualMFADevicesInput {
    /// The status ( Unassigned or Assigned ) of the devices to list.
    pub assignment_status: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

impl ListVirtualMFADevicesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let assignment_status_ = d.string(
            key,
            path,
            "AssignmentStatus",
            &STR_ASSIGNMENT_STATUS_TYPE,
            false,
        );
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        Some(Self {
            assignment_status: assignment_status_,
            marker: marker_,
            max_items: max_items_,
        })
    }
}

impl FromQuery for ListVirtualMFADevicesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ListVirtualMFADevices`.
///
/// Contains the response to a successful ListVirtualMFADevices request.
///
/// Model shape `ListVirtualMFADevicesResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListVirtualMFADevicesOutput {
    /// The list of virtual MFA devices in the current account that match the AssignmentStatus value that was passed in the request.
    pub virtual_mfa_devices: Vec<VirtualMFADevice>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for ListVirtualMFADevicesOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("VirtualMFADevices");
        for item in &self.virtual_mfa_devices {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("VirtualMFADevices");
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `PutGroupPolicy`.
///
/// Adds or updates an inline policy document that is embedded in the specified IAM group.
///
/// Model shape `PutGroupPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutGroupPolicyInput {
    /// The name of the group to associate the policy with.
    pub group_name: String,
    /// The name of the policy document.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl PutGroupPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            policy_name: policy_name_?,
            policy_document: policy_document_?,
        })
    }
}

impl FromQuery for PutGroupPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `PutRolePermissionsBoundary`.
///
/// Adds or updates the policy that is specified as the IAM role's permissions boundary.
///
/// Model shape `PutRolePermissionsBoundaryRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutRolePermissionsBoundaryInput {
    /// The name (friendly name, not ARN) of the IAM role for which you want to set the permissions boundary.
    pub role_name: String,
    /// The ARN of the managed policy that is used to set the permissions boundary for the role.
    pub permissions_boundary: String,
}

impl PutRolePermissionsBoundaryInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let permissions_boundary_ = d.string(key, path, "PermissionsBoundary", &STR_ARN_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            permissions_boundary: permissions_boundary_?,
        })
    }
}

impl FromQuery for PutRolePermissionsBoundaryInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `PutRolePolicy`.
///
/// Adds or updates an inline policy document that is embedded in the specified IAM role.
///
/// Model shape `PutRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutRolePolicyInput {
    /// The name of the role to associate the policy with.
    pub role_name: String,
    /// The name of the policy document.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl PutRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_name: policy_name_?,
            policy_document: policy_document_?,
        })
    }
}

impl FromQuery for PutRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `PutUserPermissionsBoundary`.
///
/// Adds or updates the policy that is specified as the IAM user's permissions boundary.
///
/// Model shape `PutUserPermissionsBoundaryRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutUserPermissionsBoundaryInput {
    /// The name (friendly name, not ARN) of the IAM user for which you want to set the permissions boundary.
    pub user_name: String,
    /// The ARN of the managed policy that is used to set the permissions boundary for the user.
    pub permissions_boundary: String,
}

impl PutUserPermissionsBoundaryInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let permissions_boundary_ = d.string(key, path, "PermissionsBoundary", &STR_ARN_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            permissions_boundary: permissions_boundary_?,
        })
    }
}

impl FromQuery for PutUserPermissionsBoundaryInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `PutUserPolicy`.
///
/// Adds or updates an inline policy document that is embedded in the specified IAM user.
///
/// Model shape `PutUserPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutUserPolicyInput {
    /// The name of the user to associate the policy with.
    pub user_name: String,
    /// The name of the policy document.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

impl PutUserPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let policy_name_ = d.string(key, path, "PolicyName", &STR_POLICY_NAME_TYPE, true);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            policy_name: policy_name_?,
            policy_document: policy_document_?,
        })
    }
}

impl FromQuery for PutUserPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `RejectDelegationRequest`.
///
/// Rejects a delegation request, denying the requested temporary access.
///
/// Model shape `RejectDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RejectDelegationRequestInput {
    /// The unique identifier of the delegation request to reject.
    pub delegation_request_id: String,
    /// Optional notes explaining the reason for rejecting the delegation request.
    pub notes: Option<String>,
}

impl RejectDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        let notes_ = d.string(key, path, "Notes", &STR_NOTES_TYPE, false);
        Some(Self {
            delegation_request_id: delegation_request_id_?,
            notes: notes_,
        })
    }
}

impl FromQuery for RejectDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `RemoveClientIDFromOpenIDConnectProvider`.
///
/// Removes the specified client ID (also known as audience) from the list of client IDs registered for the specified IAM OpenID Connect (OIDC) provider resource object.
///
/// Model shape `RemoveClientIDFromOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemoveClientIDFromOpenIDConnectProviderInput {
    /// The Amazon Resource Name (ARN) of the IAM OIDC provider resource to remove the client ID from.
    pub open_id_connect_provider_arn: String,
    /// The client ID (also known as audience) to remove from the IAM OIDC provider resource.
    pub client_id: String,
}

impl RemoveClientIDFromOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let client_id_ = d.string(key, path, "ClientID", &STR_CLIENT_ID_TYPE, true);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            client_id: client_id_?,
        })
    }
}

impl FromQuery for RemoveClientIDFromOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `RemoveRoleFromInstanceProfile`.
///
/// Removes the specified IAM role from the specified Amazon EC2 instance profile.
///
/// Model shape `RemoveRoleFromInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemoveRoleFromInstanceProfileInput {
    /// The name of the instance profile to update.
    pub instance_profile_name: String,
    /// The name of the role to remove.
    pub role_name: String,
}

impl RemoveRoleFromInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            role_name: role_name_?,
        })
    }
}

impl FromQuery for RemoveRoleFromInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `RemoveUserFromGroup`.
///
/// Removes the specified user from the specified group.
///
/// Model shape `RemoveUserFromGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemoveUserFromGroupInput {
    /// The name of the group to update.
    pub group_name: String,
    /// The name of the user to remove.
    pub user_name: String,
}

impl RemoveUserFromGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        Some(Self {
            group_name: group_name_?,
            user_name: user_name_?,
        })
    }
}

impl FromQuery for RemoveUserFromGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `ResetServiceSpecificCredential`.
///
/// Resets the password for a service-specific credential.
///
/// Model shape `ResetServiceSpecificCredentialRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResetServiceSpecificCredentialInput {
    /// The name of the IAM user associated with the service-specific credential.
    pub user_name: Option<String>,
    /// The unique identifier of the service-specific credential.
    pub service_specific_credential_id: String,
}

impl ResetServiceSpecificCredentialInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let service_specific_credential_id_ = d.string(
            key,
            path,
            "ServiceSpecificCredentialId",
            &STR_SERVICE_SPECIFIC_CREDENTIAL_ID,
            true,
        );
        Some(Self {
            user_name: user_name_,
            service_specific_credential_id: service_specific_credential_id_?,
        })
    }
}

impl FromQuery for ResetServiceSpecificCredentialInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `ResetServiceSpecificCredential`.
///
/// Model shape `ResetServiceSpecificCredentialResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResetServiceSpecificCredentialOutput {
    /// A structure with details about the updated service-specific credential, including the new password.
    pub service_specific_credential: Option<ServiceSpecificCredential>,
}

impl WriteXml for ResetServiceSpecificCredentialOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.service_specific_credential {
            w.start("ServiceSpecificCredential");
            WriteXml::write_xml(v, w);
            w.end("ServiceSpecificCredential");
        }
    }
}

/// Input of `ResyncMFADevice`.
///
/// Synchronizes the specified MFA device with its IAM resource object on the Amazon Web Services servers.
///
/// Model shape `ResyncMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResyncMFADeviceInput {
    /// The name of the user whose MFA device you want to resynchronize.
    pub user_name: String,
    /// Serial number that uniquely identifies the MFA device.
    pub serial_number: String,
    /// An authentication code emitted by the device.
    pub authentication_code1: String,
    /// A subsequent authentication code emitted by the device.
    pub authentication_code2: String,
}

impl ResyncMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let authentication_code1_ = d.string(
            key,
            path,
            "AuthenticationCode1",
            &STR_AUTHENTICATION_CODE_TYPE,
            true,
        );
        let authentication_code2_ = d.string(
            key,
            path,
            "AuthenticationCode2",
            &STR_AUTHENTICATION_CODE_TYPE,
            true,
        );
        Some(Self {
            user_name: user_name_?,
            serial_number: serial_number_?,
            authentication_code1: authentication_code1_?,
            authentication_code2: authentication_code2_?,
        })
    }
}

impl FromQuery for ResyncMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `SendDelegationToken`.
///
/// Sends the exchange token for an accepted delegation request.
///
/// Model shape `SendDelegationTokenRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SendDelegationTokenInput {
    /// The unique identifier of the delegation request for which to send the token.
    pub delegation_request_id: String,
}

impl SendDelegationTokenInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        Some(Self {
            delegation_request_id: delegation_request_id_?,
        })
    }
}

impl FromQuery for SendDelegationTokenInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `SetDefaultPolicyVersion`.
///
/// Sets the specified version of the specified policy as the policy's default (operative) version.
///
/// Model shape `SetDefaultPolicyVersionRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetDefaultPolicyVersionInput {
    /// The Amazon Resource Name (ARN) of the IAM policy whose default version you want to set.
    pub policy_arn: String,
    /// The version of the policy to set as the default (operative) version.
    pub version_id: String,
}

impl SetDefaultPolicyVersionInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let version_id_ = d.string(key, path, "VersionId", &STR_POLICY_VERSION_ID_TYPE, true);
        Some(Self {
            policy_arn: policy_arn_?,
            version_id: version_id_?,
        })
    }
}

impl FromQuery for SetDefaultPolicyVersionInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `SetSecurityTokenServicePreferences`.
///
/// Sets the specified version of the global endpoint token as the token version used for the Amazon Web Services account.
///
/// Model shape `SetSecurityTokenServicePreferencesRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetSecurityTokenServicePreferencesInput {
    /// The version of the global endpoint token.
    pub global_endpoint_token_version: String,
}

impl SetSecurityTokenServicePreferencesInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let global_endpoint_token_version_ = d.string(
            key,
            path,
            "GlobalEndpointTokenVersion",
            &STR_GLOBAL_ENDPOINT_TOKEN_VERSION,
            true,
        );
        Some(Self {
            global_endpoint_token_version: global_endpoint_token_version_?,
        })
    }
}

impl FromQuery for SetSecurityTokenServicePreferencesInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `SimulateCustomPolicy`.
///
/// Simulate how a set of IAM policies and optionally a resource-based policy works with a list of API operations and Amazon Web Services resources to determine the policies' effective permissions.
///
/// Model shape `SimulateCustomPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimulateCustomPolicyInput {
    /// A list of policy documents to include in the simulation.
    pub policy_input_list: Vec<String>,
    /// The IAM permissions boundary policy to simulate.
    pub permissions_boundary_policy_input_list: Option<Vec<String>>,
    /// A list of names of API operations to evaluate in the simulation.
    pub action_names: Vec<String>,
    /// A list of ARNs of Amazon Web Services resources to include in the simulation.
    pub resource_arns: Option<Vec<String>>,
    /// A resource-based policy to include in the simulation provided as a string.
    pub resource_policy: Option<String>,
    /// An ARN representing the Amazon Web Services account ID that specifies the owner of any simulated resource that does not identify its owner in the resource ARN.
    pub resource_owner: Option<String>,
    /// The ARN of the IAM user that you want to use as the simulated caller of the API operations.
    pub caller_arn: Option<String>,
    /// A list of context keys and corresponding values for the simulation to use.
    pub context_entries: Option<Vec<ContextEntry>>,
    /// Specifies the type of simulation to run.
    pub resource_handling_option: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
}

impl SimulateCustomPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_input_list_ = d.string_list(
            key,
            path,
            "PolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            true,
        );
        let permissions_boundary_policy_input_list_ = d.string_list(
            key,
            path,
            "PermissionsBoundaryPolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        let action_names_ = d.string_list(
            key,
            path,
            "ActionNames",
            &LIST_ACTION_NAME_LIST_TYPE,
            &STR_ACTION_NAME_TYPE,
            true,
        );
        let resource_arns_ = d.string_list(
            key,
            path,
            "ResourceArns",
            &LIST_RESOURCE_NAME_LIST_TYPE,
            &STR_RESOURCE_NAME_TYPE,
            false,
        );
        let resource_policy_ = d.string(
            key,
            path,
            "ResourcePolicy",
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        let resource_owner_ = d.string(key, path, "ResourceOwner", &STR_RESOURCE_NAME_TYPE, false);
        let caller_arn_ = d.string(key, path, "CallerArn", &STR_RESOURCE_NAME_TYPE, false);
        let context_entries_ = d.struct_list(
            key,
            path,
            "ContextEntries",
            &LIST_CONTEXT_ENTRY_LIST_TYPE,
            false,
            ContextEntry::decode,
        );
        let resource_handling_option_ = d.string(
            key,
            path,
            "ResourceHandlingOption",
            &STR_RESOURCE_HANDLING_OPTION_TYPE,
            false,
        );
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        Some(Self {
            policy_input_list: policy_input_list_?,
            permissions_boundary_policy_input_list: permissions_boundary_policy_input_list_,
            action_names: action_names_?,
            resource_arns: resource_arns_,
            resource_policy: resource_policy_,
            resource_owner: resource_owner_,
            caller_arn: caller_arn_,
            context_entries: context_entries_,
            resource_handling_option: resource_handling_option_,
            max_items: max_items_,
            marker: marker_,
        })
    }
}

impl FromQuery for SimulateCustomPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `SimulateCustomPolicy`, `SimulatePrincipalPolicy`.
///
/// Contains the response to a successful SimulatePrincipalPolicy or SimulateCustomPolicy request.
///
/// Model shape `SimulatePolicyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimulatePolicyOutput {
    /// The results of the simulation.
    pub evaluation_results: Option<Vec<EvaluationResult>>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

impl WriteXml for SimulatePolicyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.evaluation_results {
            w.start("EvaluationResults");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("EvaluationResults");
        }
        if let Some(v) = &self.is_truncated {
            w.bool_element("IsTruncated", *v);
        }
        if let Some(v) = &self.marker {
            w.element("Marker", v);
        }
    }
}

/// Input of `SimulatePrincipalPolicy`.
///
/// Simulate how a set of IAM policies attached to an IAM entity works with a list of API operations and Amazon Web Services resources to determine the policies' effective permissions.
///
/// Model shape `SimulatePrincipalPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimulatePrincipalPolicyInput {
    /// The Amazon Resource Name (ARN) of a user, group, or role whose policies you want to include in the simulation.
    pub policy_source_arn: String,
    /// An optional list of additional policy documents to include in the simulation.
    pub policy_input_list: Option<Vec<String>>,
    /// The IAM permissions boundary policy to simulate.
    pub permissions_boundary_policy_input_list: Option<Vec<String>>,
    /// A list of names of API operations to evaluate in the simulation.
    pub action_names: Vec<String>,
    /// A list of ARNs of Amazon Web Services resources to include in the simulation.
    pub resource_arns: Option<Vec<String>>,
    /// A resource-based policy to include in the simulation provided as a string.
    pub resource_policy: Option<String>,
    /// An Amazon Web Services account ID that specifies the owner of any simulated resource that does not identify its owner in the resource ARN.
    pub resource_owner: Option<String>,
    /// The ARN of the IAM user that you want to specify as the simulated caller of the API operations.
    pub caller_arn: Option<String>,
    /// A list of context keys and corresponding values for the simulation to use.
    pub context_entries: Option<Vec<ContextEntry>>,
    /// Specifies the type of simulation to run.
    pub resource_handling_option: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
}

impl SimulatePrincipalPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_source_arn_ = d.string(key, path, "PolicySourceArn", &STR_ARN_TYPE, true);
        let policy_input_list_ = d.string_list(
            key,
            path,
            "PolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        let permissions_boundary_policy_input_list_ = d.string_list(
            key,
            path,
            "PermissionsBoundaryPolicyInputList",
            &LIST_SIMULATION_POLICY_LIST_TYPE,
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        let action_names_ = d.string_list(
            key,
            path,
            "ActionNames",
            &LIST_ACTION_NAME_LIST_TYPE,
            &STR_ACTION_NAME_TYPE,
            true,
        );
        let resource_arns_ = d.string_list(
            key,
            path,
            "ResourceArns",
            &LIST_RESOURCE_NAME_LIST_TYPE,
            &STR_RESOURCE_NAME_TYPE,
            false,
        );
        let resource_policy_ = d.string(
            key,
            path,
            "ResourcePolicy",
            &STR_POLICY_DOCUMENT_TYPE,
            false,
        );
        let resource_owner_ = d.string(key, path, "ResourceOwner", &STR_RESOURCE_NAME_TYPE, false);
        let caller_arn_ = d.string(key, path, "CallerArn", &STR_RESOURCE_NAME_TYPE, false);
        let context_entries_ = d.struct_list(
            key,
            path,
            "ContextEntries",
            &LIST_CONTEXT_ENTRY_LIST_TYPE,
            false,
            ContextEntry::decode,
        );
        let resource_handling_option_ = d.string(
            key,
            path,
            "ResourceHandlingOption",
            &STR_RESOURCE_HANDLING_OPTION_TYPE,
            false,
        );
        let max_items_ = d.int(key, path, "MaxItems", &INT_MAX_ITEMS_TYPE, false);
        let marker_ = d.string(key, path, "Marker", &STR_MARKER_TYPE, false);
        Some(Self {
            policy_source_arn: policy_source_arn_?,
            policy_input_list: policy_input_list_,
            permissions_boundary_policy_input_list: permissions_boundary_policy_input_list_,
            action_names: action_names_?,
            resource_arns: resource_arns_,
            resource_policy: resource_policy_,
            resource_owner: resource_owner_,
            caller_arn: caller_arn_,
            context_entries: context_entries_,
            resource_handling_option: resource_handling_option_,
            max_items: max_items_,
            marker: marker_,
        })
    }
}

impl FromQuery for SimulatePrincipalPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagInstanceProfile`.
///
/// Adds one or more tags to an IAM instance profile.
///
/// Model shape `TagInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagInstanceProfileInput {
    /// The name of the IAM instance profile to which you want to add tags.
    pub instance_profile_name: String,
    /// The list of tags that you want to attach to the IAM instance profile.
    pub tags: Vec<Tag>,
}

impl TagInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagMFADevice`.
///
/// Adds one or more tags to an IAM virtual multi-factor authentication (MFA) device.
///
/// Model shape `TagMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagMFADeviceInput {
    /// The unique identifier for the IAM virtual MFA device to which you want to add tags.
    pub serial_number: String,
    /// The list of tags that you want to attach to the IAM virtual MFA device.
    pub tags: Vec<Tag>,
}

impl TagMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            serial_number: serial_number_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagOpenIDConnectProvider`.
///
/// Adds one or more tags to an OpenID Connect (OIDC)-compatible identity provider.
///
/// Model shape `TagOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagOpenIDConnectProviderInput {
    /// The ARN of the OIDC identity provider in IAM to which you want to add tags.
    pub open_id_connect_provider_arn: String,
    /// The list of tags that you want to attach to the OIDC identity provider in IAM.
    pub tags: Vec<Tag>,
}

impl TagOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagPolicy`.
///
/// Adds one or more tags to an IAM customer managed policy.
///
/// Model shape `TagPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagPolicyInput {
    /// The ARN of the IAM customer managed policy to which you want to add tags.
    pub policy_arn: String,
    /// The list of tags that you want to attach to the IAM customer managed policy.
    pub tags: Vec<Tag>,
}

impl TagPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            policy_arn: policy_arn_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagRole`.
///
/// Adds one or more tags to an IAM role.
///
/// Model shape `TagRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagRoleInput {
    /// The name of the IAM role to which you want to add tags.
    pub role_name: String,
    /// The list of tags that you want to attach to the IAM role.
    pub tags: Vec<Tag>,
}

impl TagRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            role_name: role_name_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagSAMLProvider`.
///
/// Adds one or more tags to a Security Assertion Markup Language (SAML) identity provider.
///
/// Model shape `TagSAMLProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagSAMLProviderInput {
    /// The ARN of the SAML identity provider in IAM to which you want to add tags.
    pub saml_provider_arn: String,
    /// The list of tags that you want to attach to the SAML identity provider in IAM.
    pub tags: Vec<Tag>,
}

impl TagSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            saml_provider_arn: saml_provider_arn_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagServerCertificate`.
///
/// Adds one or more tags to an IAM server certificate.
///
/// Model shape `TagServerCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagServerCertificateInput {
    /// The name of the IAM server certificate to which you want to add tags.
    pub server_certificate_name: String,
    /// The list of tags that you want to attach to the IAM server certificate.
    pub tags: Vec<Tag>,
}

impl TagServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            server_certificate_name: server_certificate_name_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `TagUser`.
///
/// Adds one or more tags to an IAM user.
///
/// Model shape `TagUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagUserInput {
    /// The name of the IAM user to which you want to add tags.
    pub user_name: String,
    /// The list of tags that you want to attach to the IAM user.
    pub tags: Vec<Tag>,
}

impl TagUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, true, Tag::decode);
        Some(Self {
            user_name: user_name_?,
            tags: tags_?,
        })
    }
}

impl FromQuery for TagUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagInstanceProfile`.
///
/// Removes the specified tags from the IAM instance profile.
///
/// Model shape `UntagInstanceProfileRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagInstanceProfileInput {
    /// The name of the IAM instance profile from which you want to remove tags.
    pub instance_profile_name: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagInstanceProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let instance_profile_name_ = d.string(
            key,
            path,
            "InstanceProfileName",
            &STR_INSTANCE_PROFILE_NAME_TYPE,
            true,
        );
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            instance_profile_name: instance_profile_name_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagInstanceProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagMFADevice`.
///
/// Removes the specified tags from the IAM virtual multi-factor authentication (MFA) device.
///
/// Model shape `UntagMFADeviceRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagMFADeviceInput {
    /// The unique identifier for the IAM virtual MFA device from which you want to remove tags.
    pub serial_number: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagMFADeviceInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            serial_number: serial_number_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagMFADeviceInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagOpenIDConnectProvider`.
///
/// Removes the specified tags from the specified OpenID Connect (OIDC)-compatible identity provider in IAM.
///
/// Model shape `UntagOpenIDConnectProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagOpenIDConnectProviderInput {
    /// The ARN of the OIDC provider in IAM from which you want to remove tags.
    pub open_id_connect_provider_arn: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagOpenIDConnectProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagOpenIDConnectProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagPolicy`.
///
/// Removes the specified tags from the customer managed policy.
///
/// Model shape `UntagPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagPolicyInput {
    /// The ARN of the IAM customer managed policy from which you want to remove tags.
    pub policy_arn: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_arn_ = d.string(key, path, "PolicyArn", &STR_ARN_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            policy_arn: policy_arn_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagRole`.
///
/// Removes the specified tags from the role.
///
/// Model shape `UntagRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagRoleInput {
    /// The name of the IAM role from which you want to remove tags.
    pub role_name: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            role_name: role_name_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagSAMLProvider`.
///
/// Removes the specified tags from the specified Security Assertion Markup Language (SAML) identity provider in IAM.
///
/// Model shape `UntagSAMLProviderRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagSAMLProviderInput {
    /// The ARN of the SAML identity provider in IAM from which you want to remove tags.
    pub saml_provider_arn: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            saml_provider_arn: saml_provider_arn_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagServerCertificate`.
///
/// Removes the specified tags from the IAM server certificate.
///
/// Model shape `UntagServerCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagServerCertificateInput {
    /// The name of the IAM server certificate from which you want to remove tags.
    pub server_certificate_name: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            server_certificate_name: server_certificate_name_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UntagUser`.
///
/// Removes the specified tags from the user.
///
/// Model shape `UntagUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UntagUserInput {
    /// The name of the IAM user from which you want to remove tags.
    pub user_name: String,
    /// A list of key names as a simple array of strings.
    pub tag_keys: Vec<String>,
}

impl UntagUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let tag_keys_ = d.string_list(
            key,
            path,
            "TagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            true,
        );
        Some(Self {
            user_name: user_name_?,
            tag_keys: tag_keys_?,
        })
    }
}

impl FromQuery for UntagUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateAccessKey`.
///
/// Changes the status of the specified access key from Active to Inactive, or vice versa.
///
/// Model shape `UpdateAccessKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateAccessKeyInput {
    /// The name of the user whose key you want to update.
    pub user_name: Option<String>,
    /// The access key ID of the secret access key you want to update.
    pub access_key_id: String,
    /// The status you want to assign to the secret access key.
    pub status: String,
}

impl UpdateAccessKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let access_key_id_ = d.string(key, path, "AccessKeyId", &STR_ACCESS_KEY_ID_TYPE, true);
        let status_ = d.string(key, path, "Status", &STR_STATUS_TYPE, true);
        Some(Self {
            user_name: user_name_,
            access_key_id: access_key_id_?,
            status: status_?,
        })
    }
}

impl FromQuery for UpdateAccessKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateAccountPasswordPolicy`.
///
/// Updates the password policy settings for the Amazon Web Services account.
///
/// Model shape `UpdateAccountPasswordPolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateAccountPasswordPolicyInput {
    /// The minimum number of characters allowed in an IAM user password.
    pub minimum_password_length: Option<i32>,
    /// Specifies whether IAM user passwords must contain at least one of the following non-alphanumeric characters: !
    pub require_symbols: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one numeric character (0 to 9).
    pub require_numbers: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one uppercase character from the ISO basic Latin alphabet (A to Z).
    pub require_uppercase_characters: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one lowercase character from the ISO basic Latin alphabet (a to z).
    pub require_lowercase_characters: Option<bool>,
    /// Allows all IAM users in your account to use the Amazon Web Services Management Console to change their own passwords.
    pub allow_users_to_change_password: Option<bool>,
    /// The number of days that an IAM user password is valid.
    pub max_password_age: Option<i32>,
    /// Specifies the number of previous passwords that IAM users are prevented from reusing.
    pub password_reuse_prevention: Option<i32>,
    /// Prevents IAM users who are accessing the account via the Amazon Web Services Management Console from setting a new console password after their password has expired.
    pub hard_expiry: Option<bool>,
}

impl UpdateAccountPasswordPolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let minimum_password_length_ = d.int(
            key,
            path,
            "MinimumPasswordLength",
            &INT_MINIMUM_PASSWORD_LENGTH_TYPE,
            false,
        );
        let require_symbols_ = d.boolean(key, path, "RequireSymbols", false);
        let require_numbers_ = d.boolean(key, path, "RequireNumbers", false);
        let require_uppercase_characters_ =
            d.boolean(key, path, "RequireUppercaseCharacters", false);
        let require_lowercase_characters_ =
            d.boolean(key, path, "RequireLowercaseCharacters", false);
        let allow_users_to_change_password_ =
            d.boolean(key, path, "AllowUsersToChangePassword", false);
        let max_password_age_ = d.int(
            key,
            path,
            "MaxPasswordAge",
            &INT_MAX_PASSWORD_AGE_TYPE,
            false,
        );
        let password_reuse_prevention_ = d.int(
            key,
            path,
            "PasswordReusePrevention",
            &INT_PASSWORD_REUSE_PREVENTION_TYPE,
            false,
        );
        let hard_expiry_ = d.boolean(key, path, "HardExpiry", false);
        Some(Self {
            minimum_password_length: minimum_password_length_,
            require_symbols: require_symbols_,
            require_numbers: require_numbers_,
            require_uppercase_characters: require_uppercase_characters_,
            require_lowercase_characters: require_lowercase_characters_,
            allow_users_to_change_password: allow_users_to_change_password_,
            max_password_age: max_password_age_,
            password_reuse_prevention: password_reuse_prevention_,
            hard_expiry: hard_expiry_,
        })
    }
}

impl FromQuery for UpdateAccountPasswordPolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateAssumeRolePolicy`.
///
/// Updates the policy that grants an IAM entity permission to assume a role.
///
/// Model shape `UpdateAssumeRolePolicyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateAssumeRolePolicyInput {
    /// The name of the role to update with the new policy.
    pub role_name: String,
    /// The policy that grants an entity permission to assume the role.
    pub policy_document: String,
}

impl UpdateAssumeRolePolicyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let policy_document_ =
            d.string(key, path, "PolicyDocument", &STR_POLICY_DOCUMENT_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            policy_document: policy_document_?,
        })
    }
}

impl FromQuery for UpdateAssumeRolePolicyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateDelegationRequest`.
///
/// Updates an existing delegation request with additional information.
///
/// Model shape `UpdateDelegationRequestRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateDelegationRequestInput {
    /// The unique identifier of the delegation request to update.
    pub delegation_request_id: String,
    /// Additional notes or comments to add to the delegation request.
    pub notes: Option<String>,
}

impl UpdateDelegationRequestInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let delegation_request_id_ = d.string(
            key,
            path,
            "DelegationRequestId",
            &STR_DELEGATION_REQUEST_ID_TYPE,
            true,
        );
        let notes_ = d.string(key, path, "Notes", &STR_NOTES_TYPE, false);
        Some(Self {
            delegation_request_id: delegation_request_id_?,
            notes: notes_,
        })
    }
}

impl FromQuery for UpdateDelegationRequestInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateGroup`.
///
/// Updates the name and/or the path of the specified IAM group.
///
/// Model shape `UpdateGroupRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateGroupInput {
    /// Name of the IAM group to update.
    pub group_name: String,
    /// New path for the IAM group.
    pub new_path: Option<String>,
    /// New name for the IAM group.
    pub new_group_name: Option<String>,
}

impl UpdateGroupInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let group_name_ = d.string(key, path, "GroupName", &STR_GROUP_NAME_TYPE, true);
        let new_path_ = d.string(key, path, "NewPath", &STR_PATH_TYPE, false);
        let new_group_name_ = d.string(key, path, "NewGroupName", &STR_GROUP_NAME_TYPE, false);
        Some(Self {
            group_name: group_name_?,
            new_path: new_path_,
            new_group_name: new_group_name_,
        })
    }
}

impl FromQuery for UpdateGroupInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateLoginProfile`.
///
/// Changes the password for the specified IAM user.
///
/// Model shape `UpdateLoginProfileRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UpdateLoginProfileInput {
    /// The name of the user whose password you want to update.
    pub user_name: String,
    /// The new password for the specified IAM user.
    pub password: Option<String>,
    /// Allows this new password to be used only once by requiring the specified IAM user to set a new password on next sign-in.
    pub password_reset_required: Option<bool>,
}

impl fmt::Debug for UpdateLoginProfileInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateLoginProfileInput")
            .field("user_name", &self.user_name)
            .field("password", &"<redacted>")
            .field("password_reset_required", &self.password_reset_required)
            .finish()
    }
}

impl UpdateLoginProfileInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let password_ = d.string(key, path, "Password", &STR_PASSWORD_TYPE, false);
        let password_reset_required_ = d.boolean(key, path, "PasswordResetRequired", false);
        Some(Self {
            user_name: user_name_?,
            password: password_,
            password_reset_required: password_reset_required_,
        })
    }
}

impl FromQuery for UpdateLoginProfileInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateOpenIDConnectProviderThumbprint`.
///
/// Replaces the existing list of server certificate thumbprints associated with an OpenID Connect (OIDC) provider resource object with a new list of thumbprints.
///
/// Model shape `UpdateOpenIDConnectProviderThumbprintRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateOpenIDConnectProviderThumbprintInput {
    /// The Amazon Resource Name (ARN) of the IAM OIDC provider resource object for which you want to update the thumbprint.
    pub open_id_connect_provider_arn: String,
    /// A list of certificate thumbprints that are associated with the specified IAM OpenID Connect provider.
    pub thumbprint_list: Vec<String>,
}

impl UpdateOpenIDConnectProviderThumbprintInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let open_id_connect_provider_arn_ =
            d.string(key, path, "OpenIDConnectProviderArn", &STR_ARN_TYPE, true);
        let thumbprint_list_ = d.string_list(
            key,
            path,
            "ThumbprintList",
            &LIST_THUMBPRINT_LIST_TYPE,
            &STR_THUMBPRINT_TYPE,
            true,
        );
        Some(Self {
            open_id_connect_provider_arn: open_id_connect_provider_arn_?,
            thumbprint_list: thumbprint_list_?,
        })
    }
}

impl FromQuery for UpdateOpenIDConnectProviderThumbprintInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateRole`.
///
/// Updates the description or maximum session duration setting of a role.
///
/// Model shape `UpdateRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateRoleInput {
    /// The name of the role that you want to modify.
    pub role_name: String,
    /// The new description that you want to apply to the specified role.
    pub description: Option<String>,
    /// The maximum session duration (in seconds) that you want to set for the specified role.
    pub max_session_duration: Option<i32>,
}

impl UpdateRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let description_ = d.string(key, path, "Description", &STR_ROLE_DESCRIPTION_TYPE, false);
        let max_session_duration_ = d.int(
            key,
            path,
            "MaxSessionDuration",
            &INT_ROLE_MAX_SESSION_DURATION_TYPE,
            false,
        );
        Some(Self {
            role_name: role_name_?,
            description: description_,
            max_session_duration: max_session_duration_,
        })
    }
}

impl FromQuery for UpdateRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UpdateRole`.
///
/// Model shape `UpdateRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateRoleOutput {}

impl WriteXml for UpdateRoleOutput {
    fn write_xml(&self, _w: &mut XmlWriter) {}
}

/// Input of `UpdateRoleDescription`.
///
/// Use UpdateRole instead.
///
/// Model shape `UpdateRoleDescriptionRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateRoleDescriptionInput {
    /// The name of the role that you want to modify.
    pub role_name: String,
    /// The new description that you want to apply to the specified role.
    pub description: String,
}

impl UpdateRoleDescriptionInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_name_ = d.string(key, path, "RoleName", &STR_ROLE_NAME_TYPE, true);
        let description_ = d.string(key, path, "Description", &STR_ROLE_DESCRIPTION_TYPE, true);
        Some(Self {
            role_name: role_name_?,
            description: description_?,
        })
    }
}

impl FromQuery for UpdateRoleDescriptionInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UpdateRoleDescription`.
///
/// Model shape `UpdateRoleDescriptionResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateRoleDescriptionOutput {
    /// A structure that contains details about the modified role.
    pub role: Option<Role>,
}

impl WriteXml for UpdateRoleDescriptionOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.role {
            w.start("Role");
            WriteXml::write_xml(v, w);
            w.end("Role");
        }
    }
}

/// Input of `UpdateSAMLProvider`.
///
/// Updates the metadata document, SAML encryption settings, and private keys for an existing SAML provider.
///
/// Model shape `UpdateSAMLProviderRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UpdateSAMLProviderInput {
    /// An XML document generated by an identity provider (IdP) that supports SAML 2.0.
    pub saml_metadata_document: Option<String>,
    /// The Amazon Resource Name (ARN) of the SAML provider to update.
    pub saml_provider_arn: String,
    /// Specifies the encryption setting for the SAML provider.
    pub assertion_encryption_mode: Option<String>,
    /// Specifies the new private key from your external identity provider.
    pub add_private_key: Option<String>,
    /// The Key ID of the private key to remove.
    pub remove_private_key: Option<String>,
}

impl fmt::Debug for UpdateSAMLProviderInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateSAMLProviderInput")
            .field("saml_metadata_document", &self.saml_metadata_document)
            .field("saml_provider_arn", &self.saml_provider_arn)
            .field("assertion_encryption_mode", &self.assertion_encryption_mode)
            .field("add_private_key", &"<redacted>")
            .field("remove_private_key", &self.remove_private_key)
            .finish()
    }
}

impl UpdateSAMLProviderInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let saml_metadata_document_ = d.string(
            key,
            path,
            "SAMLMetadataDocument",
            &STR_SAML_METADATA_DOCUMENT_TYPE,
            false,
        );
        let saml_provider_arn_ = d.string(key, path, "SAMLProviderArn", &STR_ARN_TYPE, true);
        let assertion_encryption_mode_ = d.string(
            key,
            path,
            "AssertionEncryptionMode",
            &STR_ASSERTION_ENCRYPTION_MODE_TYPE,
            false,
        );
        let add_private_key_ = d.string(key, path, "AddPrivateKey", &STR_PRIVATE_KEY_TYPE, false);
        let remove_private_key_ = d.string(
            key,
            path,
            "RemovePrivateKey",
            &STR_PRIVATE_KEY_ID_TYPE,
            false,
        );
        Some(Self {
            saml_metadata_document: saml_metadata_document_,
            saml_provider_arn: saml_provider_arn_?,
            assertion_encryption_mode: assertion_encryption_mode_,
            add_private_key: add_private_key_,
            remove_private_key: remove_private_key_,
        })
    }
}

impl FromQuery for UpdateSAMLProviderInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UpdateSAMLProvider`.
///
/// Contains the response to a successful UpdateSAMLProvider request.
///
/// Model shape `UpdateSAMLProviderResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateSAMLProviderOutput {
    /// The Amazon Resource Name (ARN) of the SAML provider that was updated.
    pub saml_provider_arn: Option<String>,
}

impl WriteXml for UpdateSAMLProviderOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.saml_provider_arn {
            w.element("SAMLProviderArn", v);
        }
    }
}

/// Input of `UpdateSSHPublicKey`.
///
/// Sets the status of an IAM user's SSH public key to active or inactive.
///
/// Model shape `UpdateSSHPublicKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateSSHPublicKeyInput {
    /// The name of the IAM user associated with the SSH public key.
    pub user_name: String,
    /// The unique identifier for the SSH public key.
    pub ssh_public_key_id: String,
    /// The status to assign to the SSH public key.
    pub status: String,
}

impl UpdateSSHPublicKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let ssh_public_key_id_ =
            d.string(key, path, "SSHPublicKeyId", &STR_PUBLIC_KEY_ID_TYPE, true);
        let status_ = d.string(key, path, "Status", &STR_STATUS_TYPE, true);
        Some(Self {
            user_name: user_name_?,
            ssh_public_key_id: ssh_public_key_id_?,
            status: status_?,
        })
    }
}

impl FromQuery for UpdateSSHPublicKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateServerCertificate`.
///
/// Updates the name and/or the path of the specified server certificate stored in IAM.
///
/// Model shape `UpdateServerCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateServerCertificateInput {
    /// The name of the server certificate that you want to update.
    pub server_certificate_name: String,
    /// The new path for the server certificate.
    pub new_path: Option<String>,
    /// The new name for the server certificate.
    pub new_server_certificate_name: Option<String>,
}

impl UpdateServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        let new_path_ = d.string(key, path, "NewPath", &STR_PATH_TYPE, false);
        let new_server_certificate_name_ = d.string(
            key,
            path,
            "NewServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            false,
        );
        Some(Self {
            server_certificate_name: server_certificate_name_?,
            new_path: new_path_,
            new_server_certificate_name: new_server_certificate_name_,
        })
    }
}

impl FromQuery for UpdateServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateServiceSpecificCredential`.
///
/// Sets the status of a service-specific credential to Active or Inactive .
///
/// Model shape `UpdateServiceSpecificCredentialRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateServiceSpecificCredentialInput {
    /// The name of the IAM user associated with the service-specific credential.
    pub user_name: Option<String>,
    /// The unique identifier of the service-specific credential.
    pub service_specific_credential_id: String,
    /// The status to be assigned to the service-specific credential.
    pub status: String,
}

impl UpdateServiceSpecificCredentialInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, false);
        let service_specific_credential_id_ = d.string(
            key,
            path,
            "ServiceSpecificCredentialId",
            &STR_SERVICE_SPECIFIC_CREDENTIAL_ID,
            true,
        );
        let status_ = d.string(key, path, "Status", &STR_STATUS_TYPE, true);
        Some(Self {
            user_name: user_name_,
            service_specific_credential_id: service_specific_credential_id_?,
            status: status_?,
        })
    }
}

impl FromQuery for UpdateServiceSpecificCredentialInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateSigningCertificate`.
///
/// Changes the status of the specified user signing certificate from active to disabled, or vice versa.
///
/// Model shape `UpdateSigningCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateSigningCertificateInput {
    /// The name of the IAM user the signing certificate belongs to.
    pub user_name: Option<String>,
    /// The ID of the signing certificate you want to update.
    pub certificate_id: String,
    /// The status you want to assign to the certificate.
    pub status: String,
}

impl UpdateSigningCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let certificate_id_ = d.string(key, path, "CertificateId", &STR_CERTIFICATE_ID_TYPE, true);
        let status_ = d.string(key, path, "Status", &STR_STATUS_TYPE, true);
        Some(Self {
            user_name: user_name_,
            certificate_id: certificate_id_?,
            status: status_?,
        })
    }
}

impl FromQuery for UpdateSigningCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UpdateUser`.
///
/// Updates the name and/or the path of the specified IAM user.
///
/// Model shape `UpdateUserRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateUserInput {
    /// Name of the user to update.
    pub user_name: String,
    /// New path for the IAM user.
    pub new_path: Option<String>,
    /// New name for the user.
    pub new_user_name: Option<String>,
}

impl UpdateUserInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, true);
        let new_path_ = d.string(key, path, "NewPath", &STR_PATH_TYPE, false);
        let new_user_name_ = d.string(key, path, "NewUserName", &STR_USER_NAME_TYPE, false);
        Some(Self {
            user_name: user_name_?,
            new_path: new_path_,
            new_user_name: new_user_name_,
        })
    }
}

impl FromQuery for UpdateUserInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Input of `UploadSSHPublicKey`.
///
/// Uploads an SSH public key and associates it with the specified IAM user.
///
/// Model shape `UploadSSHPublicKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadSSHPublicKeyInput {
    /// The name of the IAM user to associate the SSH public key with.
    pub user_name: String,
    /// The SSH public key.
    pub ssh_public_key_body: String,
}

impl UploadSSHPublicKeyInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_USER_NAME_TYPE, true);
        let ssh_public_key_body_ = d.string(
            key,
            path,
            "SSHPublicKeyBody",
            &STR_PUBLIC_KEY_MATERIAL_TYPE,
            true,
        );
        Some(Self {
            user_name: user_name_?,
            ssh_public_key_body: ssh_public_key_body_?,
        })
    }
}

impl FromQuery for UploadSSHPublicKeyInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UploadSSHPublicKey`.
///
/// Contains the response to a successful UploadSSHPublicKey request.
///
/// Model shape `UploadSSHPublicKeyResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadSSHPublicKeyOutput {
    /// Contains information about the SSH public key.
    pub ssh_public_key: Option<SSHPublicKey>,
}

impl WriteXml for UploadSSHPublicKeyOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.ssh_public_key {
            w.start("SSHPublicKey");
            WriteXml::write_xml(v, w);
            w.end("SSHPublicKey");
        }
    }
}

/// Input of `UploadServerCertificate`.
///
/// Uploads a server certificate entity for the Amazon Web Services account.
///
/// Model shape `UploadServerCertificateRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UploadServerCertificateInput {
    /// The path for the server certificate.
    pub path: Option<String>,
    /// The name for the server certificate.
    pub server_certificate_name: String,
    /// The contents of the public key certificate in PEM-encoded format.
    pub certificate_body: String,
    /// The contents of the private key in PEM-encoded format.
    pub private_key: String,
    /// The contents of the certificate chain.
    pub certificate_chain: Option<String>,
    /// A list of tags that you want to attach to the new IAM server certificate resource.
    pub tags: Option<Vec<Tag>>,
}

impl fmt::Debug for UploadServerCertificateInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UploadServerCertificateInput")
            .field("path", &self.path)
            .field("server_certificate_name", &self.server_certificate_name)
            .field("certificate_body", &self.certificate_body)
            .field("private_key", &"<redacted>")
            .field("certificate_chain", &self.certificate_chain)
            .field("tags", &self.tags)
            .finish()
    }
}

impl UploadServerCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let path_ = d.string(key, path, "Path", &STR_PATH_TYPE, false);
        let server_certificate_name_ = d.string(
            key,
            path,
            "ServerCertificateName",
            &STR_SERVER_CERTIFICATE_NAME_TYPE,
            true,
        );
        let certificate_body_ = d.string(
            key,
            path,
            "CertificateBody",
            &STR_CERTIFICATE_BODY_TYPE,
            true,
        );
        let private_key_ = d.string(key, path, "PrivateKey", &STR_PRIVATE_KEY_TYPE, true);
        let certificate_chain_ = d.string(
            key,
            path,
            "CertificateChain",
            &STR_CERTIFICATE_CHAIN_TYPE,
            false,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            path: path_,
            server_certificate_name: server_certificate_name_?,
            certificate_body: certificate_body_?,
            private_key: private_key_?,
            certificate_chain: certificate_chain_,
            tags: tags_,
        })
    }
}

impl FromQuery for UploadServerCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UploadServerCertificate`.
///
/// Contains the response to a successful UploadServerCertificate request.
///
/// Model shape `UploadServerCertificateResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadServerCertificateOutput {
    /// The meta information of the uploaded server certificate without its certificate body, certificate chain, and private key.
    pub server_certificate_metadata: Option<ServerCertificateMetadata>,
    /// A list of tags that are attached to the new IAM server certificate.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for UploadServerCertificateOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.server_certificate_metadata {
            w.start("ServerCertificateMetadata");
            WriteXml::write_xml(v, w);
            w.end("ServerCertificateMetadata");
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Input of `UploadSigningCertificate`.
///
/// Uploads an X.509 signing certificate and associates it with the specified IAM user.
///
/// Model shape `UploadSigningCertificateRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadSigningCertificateInput {
    /// The name of the user the signing certificate is for.
    pub user_name: Option<String>,
    /// The contents of the signing certificate.
    pub certificate_body: String,
}

impl UploadSigningCertificateInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let user_name_ = d.string(key, path, "UserName", &STR_EXISTING_USER_NAME_TYPE, false);
        let certificate_body_ = d.string(
            key,
            path,
            "CertificateBody",
            &STR_CERTIFICATE_BODY_TYPE,
            true,
        );
        Some(Self {
            user_name: user_name_,
            certificate_body: certificate_body_?,
        })
    }
}

impl FromQuery for UploadSigningCertificateInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Iam);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `UploadSigningCertificate`.
///
/// Contains the response to a successful UploadSigningCertificate request.
///
/// Model shape `UploadSigningCertificateResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadSigningCertificateOutput {
    /// Information about the certificate.
    pub certificate: SigningCertificate,
}

impl WriteXml for UploadSigningCertificateOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Certificate");
        WriteXml::write_xml(&self.certificate, w);
        w.end("Certificate");
    }
}

/// An object that contains details about when a principal in the reported Organizations entity last attempted to access an Amazon Web Services service.
///
/// Model shape `AccessDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessDetail {
    /// The name of the service in which access was attempted.
    pub service_name: String,
    /// The namespace of the service in which access was attempted.
    pub service_namespace: String,
    /// The Region where the last service access attempt occurred.
    pub region: Option<String>,
    /// The path of the Organizations entity (root, organizational unit, or account) from which an authenticated principal last attempted to access the service.
    pub entity_path: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when an authenticated principal most recently attempted to access the service.
    pub last_authenticated_time: Option<Timestamp>,
    /// The number of accounts with authenticated principals (root user, IAM users, and IAM roles) that attempted to access the service in the tracking period.
    pub total_authenticated_entities: Option<i32>,
}

impl WriteXml for AccessDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("ServiceName", &self.service_name);
        w.element("ServiceNamespace", &self.service_namespace);
        if let Some(v) = &self.region {
            w.element("Region", v);
        }
        if let Some(v) = &self.entity_path {
            w.element("EntityPath", v);
        }
        if let Some(v) = &self.last_authenticated_time {
            w.timestamp_element("LastAuthenticatedTime", *v);
        }
        if let Some(v) = &self.total_authenticated_entities {
            w.int_element("TotalAuthenticatedEntities", *v);
        }
    }
}

/// Contains information about an Amazon Web Services access key.
///
/// Model shape `AccessKey`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AccessKey {
    /// The name of the IAM user that the access key is associated with.
    pub user_name: String,
    /// The ID for this access key.
    pub access_key_id: String,
    /// The status of the access key.
    pub status: String,
    /// The secret key used to sign requests.
    pub secret_access_key: String,
    /// The date when the access key was created.
    pub create_date: Option<Timestamp>,
}

impl fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessKey")
            .field("user_name", &self.user_name)
            .field("access_key_id", &self.access_key_id)
            .field("status", &self.status)
            .field("secret_access_key", &"<redacted>")
            .field("create_date", &self.create_date)
            .finish()
    }
}

impl WriteXml for AccessKey {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("AccessKeyId", &self.access_key_id);
        w.element("Status", &self.status);
        w.element("SecretAccessKey", &self.secret_access_key);
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
    }
}

/// Contains information about the last time an Amazon Web Services access key was used since IAM began tracking this information on April 22, 2015.
///
/// Model shape `AccessKeyLastUsed`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessKeyLastUsed {
    /// The date and time, in ISO 8601 date-time format , when the access key was most recently used.
    pub last_used_date: Option<Timestamp>,
    /// The name of the Amazon Web Services service with which this access key was most recently used.
    pub service_name: String,
    /// The Amazon Web Services Region where this access key was most recently used.
    pub region: String,
}

impl WriteXml for AccessKeyLastUsed {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.last_used_date {
            w.timestamp_element("LastUsedDate", *v);
        }
        w.element("ServiceName", &self.service_name);
        w.element("Region", &self.region);
    }
}

/// Contains information about an Amazon Web Services access key, without its secret key.
///
/// Model shape `AccessKeyMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessKeyMetadata {
    /// The name of the IAM user that the key is associated with.
    pub user_name: Option<String>,
    /// The ID for this access key.
    pub access_key_id: Option<String>,
    /// The status of the access key.
    pub status: Option<String>,
    /// The date when the access key was created.
    pub create_date: Option<Timestamp>,
}

impl WriteXml for AccessKeyMetadata {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_name {
            w.element("UserName", v);
        }
        if let Some(v) = &self.access_key_id {
            w.element("AccessKeyId", v);
        }
        if let Some(v) = &self.status {
            w.element("Status", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
    }
}

/// Contains information about an attached permissions boundary.
///
/// Model shape `AttachedPermissionsBoundary`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachedPermissionsBoundary {
    /// The permissions boundary usage type that indicates what type of IAM resource is used as the permissions boundary for an entity.
    pub permissions_boundary_type: Option<String>,
    /// The ARN of the policy used to set the permissions boundary for the user or role.
    pub permissions_boundary_arn: Option<String>,
}

impl WriteXml for AttachedPermissionsBoundary {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.permissions_boundary_type {
            w.element("PermissionsBoundaryType", v);
        }
        if let Some(v) = &self.permissions_boundary_arn {
            w.element("PermissionsBoundaryArn", v);
        }
    }
}

/// Contains information about an attached policy.
///
/// Model shape `AttachedPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachedPolicy {
    /// The friendly name of the attached policy.
    pub policy_name: Option<String>,
    /// The `PolicyArn` member.
    pub policy_arn: Option<String>,
}

impl WriteXml for AttachedPolicy {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_name {
            w.element("PolicyName", v);
        }
        if let Some(v) = &self.policy_arn {
            w.element("PolicyArn", v);
        }
    }
}

/// Contains information about a condition context key.
///
/// Model shape `ContextEntry`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextEntry {
    /// The full name of a condition context key, including the service prefix.
    pub context_key_name: Option<String>,
    /// The value (or values, if the condition context key supports multiple values) to provide to the simulation when the key is referenced by a Condition element in an input policy.
    pub context_key_values: Option<Vec<String>>,
    /// The data type of the value (or values) specified in the ContextKeyValues parameter.
    pub context_key_type: Option<String>,
}

impl ContextEntry {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let context_key_name_ = d.string(
            key,
            path,
            "ContextKeyName",
            &STR_CONTEXT_KEY_NAME_TYPE,
            false,
        );
        let context_key_values_ = d.string_list(
            key,
            path,
            "ContextKeyValues",
            &LIST_CONTEXT_KEY_VALUE_LIST_TYPE,
            &STR_CONTEXT_KEY_VALUE_TYPE,
            false,
        );
        let context_key_type_ = d.string(
            key,
            path,
            "ContextKeyType",
            &STR_CONTEXT_KEY_TYPE_ENUM,
            false,
        );
        Some(Self {
            context_key_name: context_key_name_,
            context_key_values: context_key_values_,
            context_key_type: context_key_type_,
        })
    }
}

/// Contains information about the permissions being delegated in a delegation request.
///
/// Model shape `DelegationPermission`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DelegationPermission {
    /// This ARN maps to a pre-registered policy content for this partner.
    pub policy_template_arn: Option<String>,
    /// A list of policy parameters that define the scope and constraints of the delegated permissions.
    pub parameters: Option<Vec<PolicyParameter>>,
}

impl DelegationPermission {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let policy_template_arn_ = d.string(key, path, "PolicyTemplateArn", &STR_ARN_TYPE, false);
        let parameters_ = d.struct_list(
            key,
            path,
            "Parameters",
            &LIST_POLICY_PARAMETER_LIST_TYPE,
            false,
            PolicyParameter::decode,
        );
        Some(Self {
            policy_template_arn: policy_template_arn_,
            parameters: parameters_,
        })
    }
}

impl WriteXml for DelegationPermission {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_template_arn {
            w.element("PolicyTemplateArn", v);
        }
        if let Some(v) = &self.parameters {
            w.start("Parameters");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Parameters");
        }
    }
}

/// Contains information about a delegation request, including its status, permissions, and associated metadata.
///
/// Model shape `DelegationRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DelegationRequest {
    /// The unique identifier for the delegation request.
    pub delegation_request_id: Option<String>,
    /// Amazon Web Services account ID of the owner of the delegation request.
    pub owner_account_id: Option<String>,
    /// Description of the delegation request.
    pub description: Option<String>,
    /// A custom message that is added to the delegation request by the partner.
    pub request_message: Option<String>,
    /// The `Permissions` member.
    pub permissions: Option<DelegationPermission>,
    /// JSON content of the associated permission policy of this delegation request.
    pub permission_policy: Option<String>,
    /// If the PermissionPolicy includes role creation permissions, this element will include the list of permissions boundary policies associated with the role creation.
    pub role_permission_restriction_arns: Option<Vec<String>>,
    /// ARN of the owner of this delegation request.
    pub owner_id: Option<String>,
    /// The `ApproverId` member.
    pub approver_id: Option<String>,
    /// The state of this delegation request.
    pub state: Option<String>,
    /// The expiry time of this delegation request See the Understanding the Request Lifecycle for details on the life time of a delegation request at each state.
    pub expiration_time: Option<Timestamp>,
    /// Identity of the requestor of this delegation request.
    pub requestor_id: Option<String>,
    /// A friendly name of the requestor.
    pub requestor_name: Option<String>,
    /// Creation date (timestamp) of this delegation request.
    pub create_date: Option<Timestamp>,
    /// The life-time of the requested session credential.
    pub session_duration: Option<i32>,
    /// A URL to be redirected to once the delegation request is approved.
    pub redirect_url: Option<String>,
    /// Notes added to this delegation request, if this request was updated via the UpdateDelegationRequest API.
    pub notes: Option<String>,
    /// Reasons for rejecting this delegation request, if this request was rejected.
    pub rejection_reason: Option<String>,
    /// A flag indicating whether the SendDelegationToken must be called by the owner of this delegation request.
    pub only_send_by_owner: Option<bool>,
    /// Last updated timestamp of the request.
    pub updated_time: Option<Timestamp>,
}

impl WriteXml for DelegationRequest {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.delegation_request_id {
            w.element("DelegationRequestId", v);
        }
        if let Some(v) = &self.owner_account_id {
            w.element("OwnerAccountId", v);
        }
        if let Some(v) = &self.description {
            w.element("Description", v);
        }
        if let Some(v) = &self.request_message {
            w.element("RequestMessage", v);
        }
        if let Some(v) = &self.permissions {
            w.start("Permissions");
            WriteXml::write_xml(v, w);
            w.end("Permissions");
        }
        if let Some(v) = &self.permission_policy {
            w.element("PermissionPolicy", v);
        }
        if let Some(v) = &self.role_permission_restriction_arns {
            w.start("RolePermissionRestrictionArns");
            for item in v {
                w.element("member", item);
            }
            w.end("RolePermissionRestrictionArns");
        }
        if let Some(v) = &self.owner_id {
            w.element("OwnerId", v);
        }
        if let Some(v) = &self.approver_id {
            w.element("ApproverId", v);
        }
        if let Some(v) = &self.state {
            w.element("State", v);
        }
        if let Some(v) = &self.expiration_time {
            w.timestamp_element("ExpirationTime", *v);
        }
        if let Some(v) = &self.requestor_id {
            w.element("RequestorId", v);
        }
        if let Some(v) = &self.requestor_name {
            w.element("RequestorName", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.session_duration {
            w.int_element("SessionDuration", *v);
        }
        if let Some(v) = &self.redirect_url {
            w.element("RedirectUrl", v);
        }
        if let Some(v) = &self.notes {
            w.element("Notes", v);
        }
        if let Some(v) = &self.rejection_reason {
            w.element("RejectionReason", v);
        }
        if let Some(v) = &self.only_send_by_owner {
            w.bool_element("OnlySendByOwner", *v);
        }
        if let Some(v) = &self.updated_time {
            w.timestamp_element("UpdatedTime", *v);
        }
    }
}

/// The reason that the service-linked role deletion failed.
///
/// Model shape `DeletionTaskFailureReasonType`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletionTaskFailureReasonType {
    /// A short description of the reason that the service-linked role deletion failed.
    pub reason: Option<String>,
    /// A list of objects that contains details about the service-linked role deletion failure, if that information is returned by the service.
    pub role_usage_list: Option<Vec<RoleUsageType>>,
}

impl WriteXml for DeletionTaskFailureReasonType {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.reason {
            w.element("Reason", v);
        }
        if let Some(v) = &self.role_usage_list {
            w.start("RoleUsageList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("RoleUsageList");
        }
    }
}

/// An object that contains details about when the IAM entities (users or roles) were last used in an attempt to access the specified Amazon Web Services service.
///
/// Model shape `EntityDetails`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityDetails {
    /// The EntityInfo object that contains details about the entity (user or role).
    pub entity_info: EntityInfo,
    /// The date and time, in ISO 8601 date-time format , when the authenticated entity last attempted to access Amazon Web Services.
    pub last_authenticated: Option<Timestamp>,
}

impl WriteXml for EntityDetails {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("EntityInfo");
        WriteXml::write_xml(&self.entity_info, w);
        w.end("EntityInfo");
        if let Some(v) = &self.last_authenticated {
            w.timestamp_element("LastAuthenticated", *v);
        }
    }
}

/// Contains details about the specified entity (user or role).
///
/// Model shape `EntityInfo`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityInfo {
    /// The `Arn` member.
    pub arn: String,
    /// The name of the entity (user or role).
    pub name: String,
    /// The type of entity (user or role).
    pub r#type: String,
    /// The identifier of the entity (user or role).
    pub id: String,
    /// The path to the entity (user or role).
    pub path: Option<String>,
}

impl WriteXml for EntityInfo {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Arn", &self.arn);
        w.element("Name", &self.name);
        w.element("Type", &self.r#type);
        w.element("Id", &self.id);
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
    }
}

/// Contains information about the reason that the operation failed.
///
/// Model shape `ErrorDetails`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorDetails {
    /// Detailed information about the reason that the operation failed.
    pub message: String,
    /// The error code associated with the operation failure.
    pub code: String,
}

impl WriteXml for ErrorDetails {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Message", &self.message);
        w.element("Code", &self.code);
    }
}

/// Contains the results of a simulation.
///
/// Model shape `EvaluationResult`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvaluationResult {
    /// The name of the API operation tested on the indicated resource.
    pub eval_action_name: String,
    /// The ARN of the resource that the indicated API operation was tested on.
    pub eval_resource_name: Option<String>,
    /// The result of the simulation.
    pub eval_decision: String,
    /// A list of the statements in the input policies that determine the result for this scenario.
    pub matched_statements: Option<Vec<Statement>>,
    /// A list of context keys that are required by the included input policies but that were not provided by one of the input parameters.
    pub missing_context_values: Option<Vec<String>>,
    /// A structure that details how Organizations and its service control policies affect the results of the simulation.
    pub organizations_decision_detail: Option<OrganizationsDecisionDetail>,
    /// Contains information about the effect that a permissions boundary has on a policy simulation when the boundary is applied to an IAM entity.
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
    /// Additional details about the results of the cross-account evaluation decision.
    pub eval_decision_details: Option<BTreeMap<String, String>>,
    /// The individual results of the simulation of the API operation specified in EvalActionName on each resource.
    pub resource_specific_results: Option<Vec<ResourceSpecificResult>>,
}

impl WriteXml for EvaluationResult {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("EvalActionName", &self.eval_action_name);
        if let Some(v) = &self.eval_resource_name {
            w.element("EvalResourceName", v);
        }
        w.element("EvalDecision", &self.eval_decision);
        if let Some(v) = &self.matched_statements {
            w.start("MatchedStatements");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("MatchedStatements");
        }
        if let Some(v) = &self.missing_context_values {
            w.start("MissingContextValues");
            for item in v {
                w.element("member", item);
            }
            w.end("MissingContextValues");
        }
        if let Some(v) = &self.organizations_decision_detail {
            w.start("OrganizationsDecisionDetail");
            WriteXml::write_xml(v, w);
            w.end("OrganizationsDecisionDetail");
        }
        if let Some(v) = &self.permissions_boundary_decision_detail {
            w.start("PermissionsBoundaryDecisionDetail");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundaryDecisionDetail");
        }
        if let Some(v) = &self.eval_decision_details {
            w.start("EvalDecisionDetails");
            for (k, v) in v {
                w.start("entry");
                w.element("key", k);
                w.element("value", v);
                w.end("entry");
            }
            w.end("EvalDecisionDetails");
        }
        if let Some(v) = &self.resource_specific_results {
            w.start("ResourceSpecificResults");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("ResourceSpecificResults");
        }
    }
}

/// Contains information about an IAM group entity.
///
/// Model shape `Group`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// The path to the group.
    pub path: String,
    /// The friendly name that identifies the group.
    pub group_name: String,
    /// The stable and unique string identifying the group.
    pub group_id: String,
    /// The Amazon Resource Name (ARN) specifying the group.
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format , when the group was created.
    pub create_date: Timestamp,
}

impl WriteXml for Group {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Path", &self.path);
        w.element("GroupName", &self.group_name);
        w.element("GroupId", &self.group_id);
        w.element("Arn", &self.arn);
        w.timestamp_element("CreateDate", self.create_date);
    }
}

/// Contains information about an IAM group, including all of the group's policies.
///
/// Model shape `GroupDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupDetail {
    /// The path to the group.
    pub path: Option<String>,
    /// The friendly name that identifies the group.
    pub group_name: Option<String>,
    /// The stable and unique string identifying the group.
    pub group_id: Option<String>,
    /// The `Arn` member.
    pub arn: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the group was created.
    pub create_date: Option<Timestamp>,
    /// A list of the inline policies embedded in the group.
    pub group_policy_list: Option<Vec<PolicyDetail>>,
    /// A list of the managed policies attached to the group.
    pub attached_managed_policies: Option<Vec<AttachedPolicy>>,
}

impl WriteXml for GroupDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
        if let Some(v) = &self.group_name {
            w.element("GroupName", v);
        }
        if let Some(v) = &self.group_id {
            w.element("GroupId", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.group_policy_list {
            w.start("GroupPolicyList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("GroupPolicyList");
        }
        if let Some(v) = &self.attached_managed_policies {
            w.start("AttachedManagedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedManagedPolicies");
        }
    }
}

/// Contains information about an instance profile.
///
/// Model shape `InstanceProfile`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InstanceProfile {
    /// The path to the instance profile.
    pub path: String,
    /// The name identifying the instance profile.
    pub instance_profile_name: String,
    /// The stable and unique string identifying the instance profile.
    pub instance_profile_id: String,
    /// The Amazon Resource Name (ARN) specifying the instance profile.
    pub arn: String,
    /// The date when the instance profile was created.
    pub create_date: Timestamp,
    /// The role associated with the instance profile.
    pub roles: Vec<Role>,
    /// A list of tags that are attached to the instance profile.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for InstanceProfile {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Path", &self.path);
        w.element("InstanceProfileName", &self.instance_profile_name);
        w.element("InstanceProfileId", &self.instance_profile_id);
        w.element("Arn", &self.arn);
        w.timestamp_element("CreateDate", self.create_date);
        w.start("Roles");
        for item in &self.roles {
            w.start("member");
            WriteXml::write_xml(item, w);
            w.end("member");
        }
        w.end("Roles");
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Contains details about the permissions policies that are attached to the specified identity (user, group, or role).
///
/// Model shape `ListPoliciesGrantingServiceAccessEntry`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPoliciesGrantingServiceAccessEntry {
    /// The namespace of the service that was accessed.
    pub service_namespace: Option<String>,
    /// The PoliciesGrantingServiceAccess object that contains details about the policy.
    pub policies: Option<Vec<PolicyGrantingServiceAccess>>,
}

impl WriteXml for ListPoliciesGrantingServiceAccessEntry {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.service_namespace {
            w.element("ServiceNamespace", v);
        }
        if let Some(v) = &self.policies {
            w.start("Policies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Policies");
        }
    }
}

/// Contains the user name and password create date for a user.
///
/// Model shape `LoginProfile`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoginProfile {
    /// The name of the user, which can be used for signing in to the Amazon Web Services Management Console.
    pub user_name: String,
    /// The date when the password for the user was created.
    pub create_date: Timestamp,
    /// Specifies whether the user is required to set a new password on next sign-in.
    pub password_reset_required: Option<bool>,
}

impl WriteXml for LoginProfile {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.timestamp_element("CreateDate", self.create_date);
        if let Some(v) = &self.password_reset_required {
            w.bool_element("PasswordResetRequired", *v);
        }
    }
}

/// Contains information about an MFA device.
///
/// Model shape `MFADevice`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MFADevice {
    /// The user with whom the MFA device is associated.
    pub user_name: String,
    /// The serial number that uniquely identifies the MFA device.
    pub serial_number: String,
    /// The date when the MFA device was enabled for the user.
    pub enable_date: Timestamp,
}

impl WriteXml for MFADevice {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("SerialNumber", &self.serial_number);
        w.timestamp_element("EnableDate", self.enable_date);
    }
}

/// Contains information about a managed policy, including the policy's ARN, versions, and the number of principal entities (users, groups, and roles) that the policy is attached to.
///
/// Model shape `ManagedPolicyDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManagedPolicyDetail {
    /// The friendly name (not ARN) identifying the policy.
    pub policy_name: Option<String>,
    /// The stable and unique string identifying the policy.
    pub policy_id: Option<String>,
    /// The `Arn` member.
    pub arn: Option<String>,
    /// The path to the policy.
    pub path: Option<String>,
    /// The identifier for the version of the policy that is set as the default (operative) version.
    pub default_version_id: Option<String>,
    /// The number of principal entities (users, groups, and roles) that the policy is attached to.
    pub attachment_count: Option<i32>,
    /// The number of entities (users and roles) for which the policy is used as the permissions boundary.
    pub permissions_boundary_usage_count: Option<i32>,
    /// Specifies whether the policy can be attached to an IAM user, group, or role.
    pub is_attachable: Option<bool>,
    /// A friendly description of the policy.
    pub description: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the policy was created.
    pub create_date: Option<Timestamp>,
    /// The date and time, in ISO 8601 date-time format , when the policy was last updated.
    pub update_date: Option<Timestamp>,
    /// A list containing information about the versions of the policy.
    pub policy_version_list: Option<Vec<PolicyVersion>>,
}

impl WriteXml for ManagedPolicyDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_name {
            w.element("PolicyName", v);
        }
        if let Some(v) = &self.policy_id {
            w.element("PolicyId", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
        if let Some(v) = &self.default_version_id {
            w.element("DefaultVersionId", v);
        }
        if let Some(v) = &self.attachment_count {
            w.int_element("AttachmentCount", *v);
        }
        if let Some(v) = &self.permissions_boundary_usage_count {
            w.int_element("PermissionsBoundaryUsageCount", *v);
        }
        if let Some(v) = &self.is_attachable {
            w.bool_element("IsAttachable", *v);
        }
        if let Some(v) = &self.description {
            w.element("Description", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.update_date {
            w.timestamp_element("UpdateDate", *v);
        }
        if let Some(v) = &self.policy_version_list {
            w.start("PolicyVersionList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("PolicyVersionList");
        }
    }
}

/// Contains the Amazon Resource Name (ARN) for an IAM OpenID Connect provider.
///
/// Model shape `OpenIDConnectProviderListEntry`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenIDConnectProviderListEntry {
    /// The `Arn` member.
    pub arn: Option<String>,
}

impl WriteXml for OpenIDConnectProviderListEntry {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
    }
}

/// Contains information about the effect that Organizations has on a policy simulation.
///
/// Model shape `OrganizationsDecisionDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrganizationsDecisionDetail {
    /// Specifies whether the simulated operation is allowed by the Organizations service control policies that impact the simulated user's account.
    pub allowed_by_organizations: Option<bool>,
}

impl WriteXml for OrganizationsDecisionDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.allowed_by_organizations {
            w.bool_element("AllowedByOrganizations", *v);
        }
    }
}

/// Contains information about the account password policy.
///
/// Model shape `PasswordPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// Minimum length to require for IAM user passwords.
    pub minimum_password_length: Option<i32>,
    /// Specifies whether IAM user passwords must contain at least one of the following symbols: !
    pub require_symbols: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one numeric character (0 to 9).
    pub require_numbers: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one uppercase character (A to Z).
    pub require_uppercase_characters: Option<bool>,
    /// Specifies whether IAM user passwords must contain at least one lowercase character (a to z).
    pub require_lowercase_characters: Option<bool>,
    /// Specifies whether IAM users are allowed to change their own password.
    pub allow_users_to_change_password: Option<bool>,
    /// Indicates whether passwords in the account expire.
    pub expire_passwords: Option<bool>,
    /// The number of days that an IAM user password is valid.
    pub max_password_age: Option<i32>,
    /// Specifies the number of previous passwords that IAM users are prevented from reusing.
    pub password_reuse_prevention: Option<i32>,
    /// Specifies whether IAM users are prevented from setting a new password via the Amazon Web Services Management Console after their password has expired.
    pub hard_expiry: Option<bool>,
}

impl WriteXml for PasswordPolicy {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.minimum_password_length {
            w.int_element("MinimumPasswordLength", *v);
        }
        if let Some(v) = &self.require_symbols {
            w.bool_element("RequireSymbols", *v);
        }
        if let Some(v) = &self.require_numbers {
            w.bool_element("RequireNumbers", *v);
        }
        if let Some(v) = &self.require_uppercase_characters {
            w.bool_element("RequireUppercaseCharacters", *v);
        }
        if let Some(v) = &self.require_lowercase_characters {
            w.bool_element("RequireLowercaseCharacters", *v);
        }
        if let Some(v) = &self.allow_users_to_change_password {
            w.bool_element("AllowUsersToChangePassword", *v);
        }
        if let Some(v) = &self.expire_passwords {
            w.bool_element("ExpirePasswords", *v);
        }
        if let Some(v) = &self.max_password_age {
            w.int_element("MaxPasswordAge", *v);
        }
        if let Some(v) = &self.password_reuse_prevention {
            w.int_element("PasswordReusePrevention", *v);
        }
        if let Some(v) = &self.hard_expiry {
            w.bool_element("HardExpiry", *v);
        }
    }
}

/// Contains information about the effect that a permissions boundary has on a policy simulation when the boundary is applied to an IAM entity.
///
/// Model shape `PermissionsBoundaryDecisionDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PermissionsBoundaryDecisionDetail {
    /// Specifies whether an action is allowed by a permissions boundary that is applied to an IAM entity (user or role).
    pub allowed_by_permissions_boundary: Option<bool>,
}

impl WriteXml for PermissionsBoundaryDecisionDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.allowed_by_permissions_boundary {
            w.bool_element("AllowedByPermissionsBoundary", *v);
        }
    }
}

/// Contains information about a managed policy.
///
/// Model shape `Policy`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    /// The friendly name (not ARN) identifying the policy.
    pub policy_name: Option<String>,
    /// The stable and unique string identifying the policy.
    pub policy_id: Option<String>,
    /// The `Arn` member.
    pub arn: Option<String>,
    /// The path to the policy.
    pub path: Option<String>,
    /// The identifier for the version of the policy that is set as the default version.
    pub default_version_id: Option<String>,
    /// The number of entities (users, groups, and roles) that the policy is attached to.
    pub attachment_count: Option<i32>,
    /// The number of entities (users and roles) for which the policy is used to set the permissions boundary.
    pub permissions_boundary_usage_count: Option<i32>,
    /// Specifies whether the policy can be attached to an IAM user, group, or role.
    pub is_attachable: Option<bool>,
    /// A friendly description of the policy.
    pub description: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the policy was created.
    pub create_date: Option<Timestamp>,
    /// The date and time, in ISO 8601 date-time format , when the policy was last updated.
    pub update_date: Option<Timestamp>,
    /// A list of tags that are attached to the instance profile.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for Policy {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_name {
            w.element("PolicyName", v);
        }
        if let Some(v) = &self.policy_id {
            w.element("PolicyId", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
        if let Some(v) = &self.default_version_id {
            w.element("DefaultVersionId", v);
        }
        if let Some(v) = &self.attachment_count {
            w.int_element("AttachmentCount", *v);
        }
        if let Some(v) = &self.permissions_boundary_usage_count {
            w.int_element("PermissionsBoundaryUsageCount", *v);
        }
        if let Some(v) = &self.is_attachable {
            w.bool_element("IsAttachable", *v);
        }
        if let Some(v) = &self.description {
            w.element("Description", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.update_date {
            w.timestamp_element("UpdateDate", *v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Contains information about an IAM policy, including the policy document.
///
/// Model shape `PolicyDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyDetail {
    /// The name of the policy.
    pub policy_name: Option<String>,
    /// The policy document.
    pub policy_document: Option<String>,
}

impl WriteXml for PolicyDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.policy_name {
            w.element("PolicyName", v);
        }
        if let Some(v) = &self.policy_document {
            w.policy_document_element("PolicyDocument", v);
        }
    }
}

/// Contains details about the permissions policies that are attached to the specified identity (user, group, or role).
///
/// Model shape `PolicyGrantingServiceAccess`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyGrantingServiceAccess {
    /// The policy name.
    pub policy_name: String,
    /// The policy type.
    pub policy_type: String,
    /// The `PolicyArn` member.
    pub policy_arn: Option<String>,
    /// The type of entity (user or role) that used the policy to access the service to which the inline policy is attached.
    pub entity_type: Option<String>,
    /// The name of the entity (user or role) to which the inline policy is attached.
    pub entity_name: Option<String>,
}

impl WriteXml for PolicyGrantingServiceAccess {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("PolicyName", &self.policy_name);
        w.element("PolicyType", &self.policy_type);
        if let Some(v) = &self.policy_arn {
            w.element("PolicyArn", v);
        }
        if let Some(v) = &self.entity_type {
            w.element("EntityType", v);
        }
        if let Some(v) = &self.entity_name {
            w.element("EntityName", v);
        }
    }
}

/// Contains information about a group that a managed policy is attached to.
///
/// Model shape `PolicyGroup`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyGroup {
    /// The name (friendly name, not ARN) identifying the group.
    pub group_name: Option<String>,
    /// The stable and unique string identifying the group.
    pub group_id: Option<String>,
}

impl WriteXml for PolicyGroup {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.group_name {
            w.element("GroupName", v);
        }
        if let Some(v) = &self.group_id {
            w.element("GroupId", v);
        }
    }
}

/// Contains information about a policy parameter used to customize delegated permissions.
///
/// Model shape `PolicyParameter`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyParameter {
    /// The name of the policy parameter.
    pub name: Option<String>,
    /// The allowed values for the policy parameter.
    pub values: Option<Vec<String>>,
    /// The data type of the policy parameter value.
    pub r#type: Option<String>,
}

impl PolicyParameter {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let name_ = d.string(key, path, "Name", &STR_POLICY_PARAMETER_NAME_TYPE, false);
        let values_ = d.string_list(
            key,
            path,
            "Values",
            &LIST_POLICY_PARAMETER_VALUES_LIST_TYPE,
            &STR_POLICY_PARAMETER_VALUE_TYPE,
            false,
        );
        let type_ = d.string(key, path, "Type", &STR_POLICY_PARAMETER_TYPE_ENUM, false);
        Some(Self {
            name: name_,
            values: values_,
            r#type: type_,
        })
    }
}

impl WriteXml for PolicyParameter {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.name {
            w.element("Name", v);
        }
        if let Some(v) = &self.values {
            w.start("Values");
            for item in v {
                w.element("member", item);
            }
            w.end("Values");
        }
        if let Some(v) = &self.r#type {
            w.element("Type", v);
        }
    }
}

/// Contains information about a role that a managed policy is attached to.
///
/// Model shape `PolicyRole`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyRole {
    /// The name (friendly name, not ARN) identifying the role.
    pub role_name: Option<String>,
    /// The stable and unique string identifying the role.
    pub role_id: Option<String>,
}

impl WriteXml for PolicyRole {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.role_name {
            w.element("RoleName", v);
        }
        if let Some(v) = &self.role_id {
            w.element("RoleId", v);
        }
    }
}

/// Contains information about a user that a managed policy is attached to.
///
/// Model shape `PolicyUser`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyUser {
    /// The name (friendly name, not ARN) identifying the user.
    pub user_name: Option<String>,
    /// The stable and unique string identifying the user.
    pub user_id: Option<String>,
}

impl WriteXml for PolicyUser {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_name {
            w.element("UserName", v);
        }
        if let Some(v) = &self.user_id {
            w.element("UserId", v);
        }
    }
}

/// Contains information about a version of a managed policy.
///
/// Model shape `PolicyVersion`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyVersion {
    /// The policy document.
    pub document: Option<String>,
    /// The identifier for the policy version.
    pub version_id: Option<String>,
    /// Specifies whether the policy version is set as the policy's default version.
    pub is_default_version: Option<bool>,
    /// The date and time, in ISO 8601 date-time format , when the policy version was created.
    pub create_date: Option<Timestamp>,
}

impl WriteXml for PolicyVersion {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.document {
            w.policy_document_element("Document", v);
        }
        if let Some(v) = &self.version_id {
            w.element("VersionId", v);
        }
        if let Some(v) = &self.is_default_version {
            w.bool_element("IsDefaultVersion", *v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
    }
}

/// Contains the row and column of a location of a Statement element in a policy document.
///
/// Model shape `Position`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// The line containing the specified position in the document.
    pub line: Option<i32>,
    /// The column in the line containing the specified position in the document.
    pub column: Option<i32>,
}

impl WriteXml for Position {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.line {
            w.int_element("Line", *v);
        }
        if let Some(v) = &self.column {
            w.int_element("Column", *v);
        }
    }
}

/// Contains the result of the simulation of a single API operation call on a single resource.
///
/// Model shape `ResourceSpecificResult`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResourceSpecificResult {
    /// The name of the simulated resource, in Amazon Resource Name (ARN) format.
    pub eval_resource_name: String,
    /// The result of the simulation of the simulated API operation on the resource specified in EvalResourceName .
    pub eval_resource_decision: String,
    /// A list of the statements in the input policies that determine the result for this part of the simulation.
    pub matched_statements: Option<Vec<Statement>>,
    /// A list of context keys that are required by the included input policies but that were not provided by one of the input parameters.
    pub missing_context_values: Option<Vec<String>>,
    /// Additional details about the results of the evaluation decision on a single resource.
    pub eval_decision_details: Option<BTreeMap<String, String>>,
    /// Contains information about the effect that a permissions boundary has on a policy simulation when that boundary is applied to an IAM entity.
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
}

impl WriteXml for ResourceSpecificResult {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("EvalResourceName", &self.eval_resource_name);
        w.element("EvalResourceDecision", &self.eval_resource_decision);
        if let Some(v) = &self.matched_statements {
            w.start("MatchedStatements");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("MatchedStatements");
        }
        if let Some(v) = &self.missing_context_values {
            w.start("MissingContextValues");
            for item in v {
                w.element("member", item);
            }
            w.end("MissingContextValues");
        }
        if let Some(v) = &self.eval_decision_details {
            w.start("EvalDecisionDetails");
            for (k, v) in v {
                w.start("entry");
                w.element("key", k);
                w.element("value", v);
                w.end("entry");
            }
            w.end("EvalDecisionDetails");
        }
        if let Some(v) = &self.permissions_boundary_decision_detail {
            w.start("PermissionsBoundaryDecisionDetail");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundaryDecisionDetail");
        }
    }
}

/// Contains information about an IAM role.
///
/// Model shape `Role`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Role {
    /// The path to the role.
    pub path: String,
    /// The friendly name that identifies the role.
    pub role_name: String,
    /// The stable and unique string identifying the role.
    pub role_id: String,
    /// The Amazon Resource Name (ARN) specifying the role.
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format , when the role was created.
    pub create_date: Timestamp,
    /// The policy that grants an entity permission to assume the role.
    pub assume_role_policy_document: Option<String>,
    /// A description of the role that you provide.
    pub description: Option<String>,
    /// The maximum session duration (in seconds) for the specified role.
    pub max_session_duration: Option<i32>,
    /// The ARN of the policy used to set the permissions boundary for the role.
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are attached to the role.
    pub tags: Option<Vec<Tag>>,
    /// Contains information about the last time that an IAM role was used.
    pub role_last_used: Option<RoleLastUsed>,
}

impl WriteXml for Role {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Path", &self.path);
        w.element("RoleName", &self.role_name);
        w.element("RoleId", &self.role_id);
        w.element("Arn", &self.arn);
        w.timestamp_element("CreateDate", self.create_date);
        if let Some(v) = &self.assume_role_policy_document {
            w.policy_document_element("AssumeRolePolicyDocument", v);
        }
        if let Some(v) = &self.description {
            w.element("Description", v);
        }
        if let Some(v) = &self.max_session_duration {
            w.int_element("MaxSessionDuration", *v);
        }
        if let Some(v) = &self.permissions_boundary {
            w.start("PermissionsBoundary");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundary");
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
        if let Some(v) = &self.role_last_used {
            w.start("RoleLastUsed");
            WriteXml::write_xml(v, w);
            w.end("RoleLastUsed");
        }
    }
}

/// Contains information about an IAM role, including all of the role's policies.
///
/// Model shape `RoleDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleDetail {
    /// The path to the role.
    pub path: Option<String>,
    /// The friendly name that identifies the role.
    pub role_name: Option<String>,
    /// The stable and unique string identifying the role.
    pub role_id: Option<String>,
    /// The `Arn` member.
    pub arn: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the role was created.
    pub create_date: Option<Timestamp>,
    /// The trust policy that grants permission to assume the role.
    pub assume_role_policy_document: Option<String>,
    /// A list of instance profiles that contain this role.
    pub instance_profile_list: Option<Vec<InstanceProfile>>,
    /// A list of inline policies embedded in the role.
    pub role_policy_list: Option<Vec<PolicyDetail>>,
    /// A list of managed policies attached to the role.
    pub attached_managed_policies: Option<Vec<AttachedPolicy>>,
    /// The ARN of the policy used to set the permissions boundary for the role.
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are attached to the role.
    pub tags: Option<Vec<Tag>>,
    /// Contains information about the last time that an IAM role was used.
    pub role_last_used: Option<RoleLastUsed>,
}

impl WriteXml for RoleDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
        if let Some(v) = &self.role_name {
            w.element("RoleName", v);
        }
        if let Some(v) = &self.role_id {
            w.element("RoleId", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.assume_role_policy_document {
            w.policy_document_element("AssumeRolePolicyDocument", v);
        }
        if let Some(v) = &self.instance_profile_list {
            w.start("InstanceProfileList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("InstanceProfileList");
        }
        if let Some(v) = &self.role_policy_list {
            w.start("RolePolicyList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("RolePolicyList");
        }
        if let Some(v) = &self.attached_managed_policies {
            w.start("AttachedManagedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedManagedPolicies");
        }
        if let Some(v) = &self.permissions_boundary {
            w.start("PermissionsBoundary");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundary");
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
        if let Some(v) = &self.role_last_used {
            w.start("RoleLastUsed");
            WriteXml::write_xml(v, w);
            w.end("RoleLastUsed");
        }
    }
}

/// Contains information about the last time that an IAM role was used.
///
/// Model shape `RoleLastUsed`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleLastUsed {
    /// The date and time, in ISO 8601 date-time format that the role was last used.
    pub last_used_date: Option<Timestamp>,
    /// The name of the Amazon Web Services Region in which the role was last used.
    pub region: Option<String>,
}

impl WriteXml for RoleLastUsed {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.last_used_date {
            w.timestamp_element("LastUsedDate", *v);
        }
        if let Some(v) = &self.region {
            w.element("Region", v);
        }
    }
}

/// An object that contains details about how a service-linked role is used, if that information is returned by the service.
///
/// Model shape `RoleUsageType`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleUsageType {
    /// The name of the Region where the service-linked role is being used.
    pub region: Option<String>,
    /// The name of the resource that is using the service-linked role.
    pub resources: Option<Vec<String>>,
}

impl WriteXml for RoleUsageType {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.region {
            w.element("Region", v);
        }
        if let Some(v) = &self.resources {
            w.start("Resources");
            for item in v {
                w.element("member", item);
            }
            w.end("Resources");
        }
    }
}

/// Contains the private keys for the SAML provider.
///
/// Model shape `SAMLPrivateKey`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SAMLPrivateKey {
    /// The unique identifier for the SAML private key.
    pub key_id: Option<String>,
    /// The date and time, in ISO 8601 date-time format, when the private key was uploaded.
    pub timestamp: Option<Timestamp>,
}

impl WriteXml for SAMLPrivateKey {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.key_id {
            w.element("KeyId", v);
        }
        if let Some(v) = &self.timestamp {
            w.timestamp_element("Timestamp", *v);
        }
    }
}

/// Contains the list of SAML providers for this account.
///
/// Model shape `SAMLProviderListEntry`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SAMLProviderListEntry {
    /// The Amazon Resource Name (ARN) of the SAML provider.
    pub arn: Option<String>,
    /// The expiration date and time for the SAML provider.
    pub valid_until: Option<Timestamp>,
    /// The date and time when the SAML provider was created.
    pub create_date: Option<Timestamp>,
}

impl WriteXml for SAMLProviderListEntry {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.valid_until {
            w.timestamp_element("ValidUntil", *v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
    }
}

/// Contains information about an SSH public key.
///
/// Model shape `SSHPublicKey`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SSHPublicKey {
    /// The name of the IAM user associated with the SSH public key.
    pub user_name: String,
    /// The unique identifier for the SSH public key.
    pub ssh_public_key_id: String,
    /// The MD5 message digest of the SSH public key.
    pub fingerprint: String,
    /// The SSH public key.
    pub ssh_public_key_body: String,
    /// The status of the SSH public key.
    pub status: String,
    /// The date and time, in ISO 8601 date-time format , when the SSH public key was uploaded.
    pub upload_date: Option<Timestamp>,
}

impl WriteXml for SSHPublicKey {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("SSHPublicKeyId", &self.ssh_public_key_id);
        w.element("Fingerprint", &self.fingerprint);
        w.element("SSHPublicKeyBody", &self.ssh_public_key_body);
        w.element("Status", &self.status);
        if let Some(v) = &self.upload_date {
            w.timestamp_element("UploadDate", *v);
        }
    }
}

/// Contains information about an SSH public key, without the key's body or fingerprint.
///
/// Model shape `SSHPublicKeyMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SSHPublicKeyMetadata {
    /// The name of the IAM user associated with the SSH public key.
    pub user_name: String,
    /// The unique identifier for the SSH public key.
    pub ssh_public_key_id: String,
    /// The status of the SSH public key.
    pub status: String,
    /// The date and time, in ISO 8601 date-time format , when the SSH public key was uploaded.
    pub upload_date: Timestamp,
}

impl WriteXml for SSHPublicKeyMetadata {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("SSHPublicKeyId", &self.ssh_public_key_id);
        w.element("Status", &self.status);
        w.timestamp_element("UploadDate", self.upload_date);
    }
}

/// Contains information about a server certificate.
///
/// Model shape `ServerCertificate`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerCertificate {
    /// The meta information of the server certificate, such as its name, path, ID, and ARN.
    pub server_certificate_metadata: ServerCertificateMetadata,
    /// The contents of the public key certificate.
    pub certificate_body: String,
    /// The contents of the public key certificate chain.
    pub certificate_chain: Option<String>,
    /// A list of tags that are attached to the server certificate.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for ServerCertificate {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("ServerCertificateMetadata");
        WriteXml::write_xml(&self.server_certificate_metadata, w);
        w.end("ServerCertificateMetadata");
        w.element("CertificateBody", &self.certificate_body);
        if let Some(v) = &self.certificate_chain {
            w.element("CertificateChain", v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Contains information about a server certificate without its certificate body, certificate chain, and private key.
///
/// Model shape `ServerCertificateMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerCertificateMetadata {
    /// The path to the server certificate.
    pub path: String,
    /// The name that identifies the server certificate.
    pub server_certificate_name: String,
    /// The stable and unique string identifying the server certificate.
    pub server_certificate_id: String,
    /// The Amazon Resource Name (ARN) specifying the server certificate.
    pub arn: String,
    /// The date when the server certificate was uploaded.
    pub upload_date: Option<Timestamp>,
    /// The date on which the certificate is set to expire.
    pub expiration: Option<Timestamp>,
}

impl WriteXml for ServerCertificateMetadata {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Path", &self.path);
        w.element("ServerCertificateName", &self.server_certificate_name);
        w.element("ServerCertificateId", &self.server_certificate_id);
        w.element("Arn", &self.arn);
        if let Some(v) = &self.upload_date {
            w.timestamp_element("UploadDate", *v);
        }
        if let Some(v) = &self.expiration {
            w.timestamp_element("Expiration", *v);
        }
    }
}

/// Contains details about the most recent attempt to access the service.
///
/// Model shape `ServiceLastAccessed`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceLastAccessed {
    /// The name of the service in which access was attempted.
    pub service_name: String,
    /// The date and time, in ISO 8601 date-time format , when an authenticated entity most recently attempted to access the service.
    pub last_authenticated: Option<Timestamp>,
    /// The namespace of the service in which access was attempted.
    pub service_namespace: String,
    /// The ARN of the authenticated entity (user or role) that last attempted to access the service.
    pub last_authenticated_entity: Option<String>,
    /// The Region from which the authenticated entity (user or role) last attempted to access the service.
    pub last_authenticated_region: Option<String>,
    /// The total number of authenticated principals (root user, IAM users, or IAM roles) that have attempted to access the service.
    pub total_authenticated_entities: Option<i32>,
    /// An object that contains details about the most recent attempt to access a tracked action within the service.
    pub tracked_actions_last_accessed: Option<Vec<TrackedActionLastAccessed>>,
}

impl WriteXml for ServiceLastAccessed {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("ServiceName", &self.service_name);
        if let Some(v) = &self.last_authenticated {
            w.timestamp_element("LastAuthenticated", *v);
        }
        w.element("ServiceNamespace", &self.service_namespace);
        if let Some(v) = &self.last_authenticated_entity {
            w.element("LastAuthenticatedEntity", v);
        }
        if let Some(v) = &self.last_authenticated_region {
            w.element("LastAuthenticatedRegion", v);
        }
        if let Some(v) = &self.total_authenticated_entities {
            w.int_element("TotalAuthenticatedEntities", *v);
        }
        if let Some(v) = &self.tracked_actions_last_accessed {
            w.start("TrackedActionsLastAccessed");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("TrackedActionsLastAccessed");
        }
    }
}

/// Contains the details of a service-specific credential.
///
/// Model shape `ServiceSpecificCredential`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ServiceSpecificCredential {
    /// The date and time, in ISO 8601 date-time format , when the service-specific credential were created.
    pub create_date: Timestamp,
    /// The date and time when the service specific credential expires.
    pub expiration_date: Option<Timestamp>,
    /// The name of the service associated with the service-specific credential.
    pub service_name: String,
    /// The generated user name for the service-specific credential.
    pub service_user_name: Option<String>,
    /// The generated password for the service-specific credential.
    pub service_password: Option<String>,
    /// For Bedrock API keys and CloudWatch Logs API keys, this is the public portion of the credential that includes the IAM user name and a suffix containing version and creation information.
    pub service_credential_alias: Option<String>,
    /// For Bedrock API keys and CloudWatch Logs API keys, this is the secret portion of the credential that should be used to authenticate API calls.
    pub service_credential_secret: Option<String>,
    /// The unique identifier for the service-specific credential.
    pub service_specific_credential_id: String,
    /// The name of the IAM user associated with the service-specific credential.
    pub user_name: String,
    /// The status of the service-specific credential.
    pub status: String,
}

impl fmt::Debug for ServiceSpecificCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceSpecificCredential")
            .field("create_date", &self.create_date)
            .field("expiration_date", &self.expiration_date)
            .field("service_name", &self.service_name)
            .field("service_user_name", &self.service_user_name)
            .field("service_password", &"<redacted>")
            .field("service_credential_alias", &self.service_credential_alias)
            .field("service_credential_secret", &"<redacted>")
            .field(
                "service_specific_credential_id",
                &self.service_specific_credential_id,
            )
            .field("user_name", &self.user_name)
            .field("status", &self.status)
            .finish()
    }
}

impl WriteXml for ServiceSpecificCredential {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.timestamp_element("CreateDate", self.create_date);
        if let Some(v) = &self.expiration_date {
            w.timestamp_element("ExpirationDate", *v);
        }
        w.element("ServiceName", &self.service_name);
        if let Some(v) = &self.service_user_name {
            w.element("ServiceUserName", v);
        }
        if let Some(v) = &self.service_password {
            w.element("ServicePassword", v);
        }
        if let Some(v) = &self.service_credential_alias {
            w.element("ServiceCredentialAlias", v);
        }
        if let Some(v) = &self.service_credential_secret {
            w.element("ServiceCredentialSecret", v);
        }
        w.element(
            "ServiceSpecificCredentialId",
            &self.service_specific_credential_id,
        );
        w.element("UserName", &self.user_name);
        w.element("Status", &self.status);
    }
}

/// Contains additional details about a service-specific credential.
///
/// Model shape `ServiceSpecificCredentialMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceSpecificCredentialMetadata {
    /// The name of the IAM user associated with the service-specific credential.
    pub user_name: String,
    /// The status of the service-specific credential.
    pub status: String,
    /// The generated user name for the service-specific credential.
    pub service_user_name: Option<String>,
    /// For Bedrock API keys and CloudWatch Logs API keys, this is the public portion of the credential that includes the IAM user name and a suffix containing version and creation information.
    pub service_credential_alias: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the service-specific credential were created.
    pub create_date: Timestamp,
    /// The date and time when the service specific credential expires.
    pub expiration_date: Option<Timestamp>,
    /// The unique identifier for the service-specific credential.
    pub service_specific_credential_id: String,
    /// The name of the service associated with the service-specific credential.
    pub service_name: String,
}

impl WriteXml for ServiceSpecificCredentialMetadata {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("Status", &self.status);
        if let Some(v) = &self.service_user_name {
            w.element("ServiceUserName", v);
        }
        if let Some(v) = &self.service_credential_alias {
            w.element("ServiceCredentialAlias", v);
        }
        w.timestamp_element("CreateDate", self.create_date);
        if let Some(v) = &self.expiration_date {
            w.timestamp_element("ExpirationDate", *v);
        }
        w.element(
            "ServiceSpecificCredentialId",
            &self.service_specific_credential_id,
        );
        w.element("ServiceName", &self.service_name);
    }
}

/// Contains information about an X.509 signing certificate.
///
/// Model shape `SigningCertificate`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SigningCertificate {
    /// The name of the user the signing certificate is associated with.
    pub user_name: String,
    /// The ID for the signing certificate.
    pub certificate_id: String,
    /// The contents of the signing certificate.
    pub certificate_body: String,
    /// The status of the signing certificate.
    pub status: String,
    /// The date when the signing certificate was uploaded.
    pub upload_date: Option<Timestamp>,
}

impl WriteXml for SigningCertificate {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("UserName", &self.user_name);
        w.element("CertificateId", &self.certificate_id);
        w.element("CertificateBody", &self.certificate_body);
        w.element("Status", &self.status);
        if let Some(v) = &self.upload_date {
            w.timestamp_element("UploadDate", *v);
        }
    }
}

/// Contains a reference to a Statement element in a policy document that determines the result of the simulation.
///
/// Model shape `Statement`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    /// The identifier of the policy that was provided as an input.
    pub source_policy_id: Option<String>,
    /// The type of the policy.
    pub source_policy_type: Option<String>,
    /// The row and column of the beginning of the Statement in an IAM policy.
    pub start_position: Option<Position>,
    /// The row and column of the end of a Statement in an IAM policy.
    pub end_position: Option<Position>,
}

impl WriteXml for Statement {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.source_policy_id {
            w.element("SourcePolicyId", v);
        }
        if let Some(v) = &self.source_policy_type {
            w.element("SourcePolicyType", v);
        }
        if let Some(v) = &self.start_position {
            w.start("StartPosition");
            WriteXml::write_xml(v, w);
            w.end("StartPosition");
        }
        if let Some(v) = &self.end_position {
            w.start("EndPosition");
            WriteXml::write_xml(v, w);
            w.end("EndPosition");
        }
    }
}

/// A structure that represents user-provided metadata that can be associated with an IAM resource.
///
/// Model shape `Tag`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// The key name that can be used to look up or retrieve the associated value.
    pub key: String,
    /// The value associated with this tag.
    pub value: String,
}

impl Tag {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let key_ = d.string(key, path, "Key", &STR_TAG_KEY_TYPE, true);
        let value_ = d.string(key, path, "Value", &STR_TAG_VALUE_TYPE, true);
        Some(Self {
            key: key_?,
            value: value_?,
        })
    }
}

impl WriteXml for Tag {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Key", &self.key);
        w.element("Value", &self.value);
    }
}

/// Contains details about the most recent attempt to access an action within the service.
///
/// Model shape `TrackedActionLastAccessed`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackedActionLastAccessed {
    /// The name of the tracked action to which access was attempted.
    pub action_name: Option<String>,
    /// The `LastAccessedEntity` member.
    pub last_accessed_entity: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when an authenticated entity most recently attempted to access the tracked service.
    pub last_accessed_time: Option<Timestamp>,
    /// The Region from which the authenticated entity (user or role) last attempted to access the tracked action.
    pub last_accessed_region: Option<String>,
}

impl WriteXml for TrackedActionLastAccessed {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.action_name {
            w.element("ActionName", v);
        }
        if let Some(v) = &self.last_accessed_entity {
            w.element("LastAccessedEntity", v);
        }
        if let Some(v) = &self.last_accessed_time {
            w.timestamp_element("LastAccessedTime", *v);
        }
        if let Some(v) = &self.last_accessed_region {
            w.element("LastAccessedRegion", v);
        }
    }
}

/// Contains information about an IAM user entity.
///
/// Model shape `User`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct User {
    /// The path to the user.
    pub path: String,
    /// The friendly name identifying the user.
    pub user_name: String,
    /// The stable and unique string identifying the user.
    pub user_id: String,
    /// The Amazon Resource Name (ARN) that identifies the user.
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format , when the user was created.
    pub create_date: Timestamp,
    /// The date and time, in ISO 8601 date-time format , when the user's password was last used to sign in to an Amazon Web Services website.
    pub password_last_used: Option<Timestamp>,
    /// For more information about permissions boundaries, see Permissions boundaries for IAM identities in the IAM User Guide .
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are associated with the user.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for User {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("Path", &self.path);
        w.element("UserName", &self.user_name);
        w.element("UserId", &self.user_id);
        w.element("Arn", &self.arn);
        w.timestamp_element("CreateDate", self.create_date);
        if let Some(v) = &self.password_last_used {
            w.timestamp_element("PasswordLastUsed", *v);
        }
        if let Some(v) = &self.permissions_boundary {
            w.start("PermissionsBoundary");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundary");
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Contains information about an IAM user, including all the user's policies and all the IAM groups the user is in.
///
/// Model shape `UserDetail`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserDetail {
    /// The path to the user.
    pub path: Option<String>,
    /// The friendly name identifying the user.
    pub user_name: Option<String>,
    /// The stable and unique string identifying the user.
    pub user_id: Option<String>,
    /// The `Arn` member.
    pub arn: Option<String>,
    /// The date and time, in ISO 8601 date-time format , when the user was created.
    pub create_date: Option<Timestamp>,
    /// A list of the inline policies embedded in the user.
    pub user_policy_list: Option<Vec<PolicyDetail>>,
    /// A list of IAM groups that the user is in.
    pub group_list: Option<Vec<String>>,
    /// A list of the managed policies attached to the user.
    pub attached_managed_policies: Option<Vec<AttachedPolicy>>,
    /// The ARN of the policy used to set the permissions boundary for the user.
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are associated with the user.
    pub tags: Option<Vec<Tag>>,
}

impl WriteXml for UserDetail {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.path {
            w.element("Path", v);
        }
        if let Some(v) = &self.user_name {
            w.element("UserName", v);
        }
        if let Some(v) = &self.user_id {
            w.element("UserId", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
        if let Some(v) = &self.create_date {
            w.timestamp_element("CreateDate", *v);
        }
        if let Some(v) = &self.user_policy_list {
            w.start("UserPolicyList");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("UserPolicyList");
        }
        if let Some(v) = &self.group_list {
            w.start("GroupList");
            for item in v {
                w.element("member", item);
            }
            w.end("GroupList");
        }
        if let Some(v) = &self.attached_managed_policies {
            w.start("AttachedManagedPolicies");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("AttachedManagedPolicies");
        }
        if let Some(v) = &self.permissions_boundary {
            w.start("PermissionsBoundary");
            WriteXml::write_xml(v, w);
            w.end("PermissionsBoundary");
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Contains information about a virtual MFA device.
///
/// Model shape `VirtualMFADevice`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct VirtualMFADevice {
    /// The serial number associated with VirtualMFADevice .
    pub serial_number: String,
    /// The base32 seed defined as specified in RFC3548 .
    pub base32_string_seed: Option<Vec<u8>>,
    /// A QR code PNG image that encodes otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String where $virtualMFADeviceName is one of the create call arguments.
    pub qr_code_png: Option<Vec<u8>>,
    /// The IAM user associated with this virtual MFA device.
    pub user: Option<User>,
    /// The date and time on which the virtual MFA device was enabled.
    pub enable_date: Option<Timestamp>,
    /// A list of tags that are attached to the virtual MFA device.
    pub tags: Option<Vec<Tag>>,
}

impl fmt::Debug for VirtualMFADevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VirtualMFADevice")
            .field("serial_number", &self.serial_number)
            .field("base32_string_seed", &"<redacted>")
            .field("qr_code_png", &"<redacted>")
            .field("user", &self.user)
            .field("enable_date", &self.enable_date)
            .field("tags", &self.tags)
            .finish()
    }
}

impl WriteXml for VirtualMFADevice {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("SerialNumber", &self.serial_number);
        if let Some(v) = &self.base32_string_seed {
            w.blob_element("Base32StringSeed", v);
        }
        if let Some(v) = &self.qr_code_png {
            w.blob_element("QRCodePNG", v);
        }
        if let Some(v) = &self.user {
            w.start("User");
            WriteXml::write_xml(v, w);
            w.end("User");
        }
        if let Some(v) = &self.enable_date {
            w.timestamp_element("EnableDate", *v);
        }
        if let Some(v) = &self.tags {
            w.start("Tags");
            for item in v {
                w.start("member");
                WriteXml::write_xml(item, w);
                w.end("member");
            }
            w.end("Tags");
        }
    }
}

/// Model pattern `[\w-]+`.
static PATTERN_1: Pattern = Pattern::new(r#"[\w-]+"#, None, || compile("^(?:[A-Za-z0-9_-]+)$"));

/// Constraints of the model shape `delegationRequestIdType`.
static STR_DELEGATION_REQUEST_ID_TYPE: StringRule = StringRule {
    min: Some(16),
    max: Some(128),
    pattern: Some(&PATTERN_1),
    enum_values: &[],
};

/// Constraints of the model shape `arnType`.
static STR_ARN_TYPE: StringRule = StringRule {
    min: Some(20),
    max: Some(2048),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `clientIDType`.
static STR_CLIENT_ID_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(255),
    pattern: None,
    enum_values: &[],
};

/// Model pattern `[\w+=,.@-]+`.
static PATTERN_2: Pattern = Pattern::new(r#"[\w+=,.@-]+"#, None, || {
    compile("^(?:[A-Za-z0-9_+=,.@-]+)$")
});

/// Constraints of the model shape `instanceProfileNameType`.
static STR_INSTANCE_PROFILE_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `roleNameType`.
static STR_ROLE_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(64),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `groupNameType`.
static STR_GROUP_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `existingUserNameType`.
static STR_EXISTING_USER_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `userNameType`.
static STR_USER_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(64),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Model pattern `[\u0009\u000A\u000D\u0020-\u00FF]+`.
static PATTERN_3: Pattern = Pattern::new(r#"[\u0009\u000A\u000D\u0020-\u00FF]+"#, None, || {
    compile(r#"^(?:[\x{0009}\x{000A}\x{000D}\x{0020}-\x{00FF}]+)$"#)
});

/// Constraints of the model shape `passwordType`.
static STR_PASSWORD_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Model pattern `^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`.
static PATTERN_4: Pattern = Pattern::new(
    "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$",
    Some("--"),
    || compile("^(?:^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$)$"),
);

/// Constraints of the model shape `accountAliasType`.
static STR_ACCOUNT_ALIAS_TYPE: StringRule = StringRule {
    min: Some(3),
    max: Some(63),
    pattern: Some(&PATTERN_4),
    enum_values: &[],
};

/// Model pattern `\d{12}`.
static PATTERN_5: Pattern = Pattern::new(r#"\d{12}"#, None, || compile("^(?:[0-9]{12})$"));

/// Constraints of the model shape `accountIdType`.
static STR_ACCOUNT_ID_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: Some(&PATTERN_5),
    enum_values: &[],
};

/// Model pattern `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`.
static PATTERN_6: Pattern = Pattern::new(
    r#"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*"#,
    None,
    || compile(r#"^(?:[\x{0009}\x{000A}\x{000D}\x{0020}-\x{007E}\x{00A1}-\x{00FF}]*)$"#),
);

/// Constraints of the model shape `delegationRequestDescriptionType`.
static STR_DELEGATION_REQUEST_DESCRIPTION_TYPE: StringRule = StringRule {
    min: None,
    max: Some(1000),
    pattern: Some(&PATTERN_6),
    enum_values: &[],
};

/// Constraints of the model shape `requestMessageType`.
static STR_REQUEST_MESSAGE_TYPE: StringRule = StringRule {
    min: None,
    max: Some(200),
    pattern: Some(&PATTERN_6),
    enum_values: &[],
};

/// Model pattern `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]+`.
static PATTERN_7: Pattern = Pattern::new(
    r#"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]+"#,
    None,
    || compile(r#"^(?:[\x{0009}\x{000A}\x{000D}\x{0020}-\x{007E}\x{00A1}-\x{00FF}]+)$"#),
);

/// Constraints of the model shape `requestorWorkflowIdType`.
static STR_REQUESTOR_WORKFLOW_ID_TYPE: StringRule = StringRule {
    min: Some(5),
    max: Some(400),
    pattern: Some(&PATTERN_7),
    enum_values: &[],
};

/// Model pattern `^http(s?)://[a-zA-Z0-9._/-]*(\?[a-zA-Z0-9._=&-]*)?(#[a-zA-Z0-9._/-]*)?$`.
static PATTERN_8: Pattern = Pattern::new(
    r#"^http(s?)://[a-zA-Z0-9._/-]*(\?[a-zA-Z0-9._=&-]*)?(#[a-zA-Z0-9._/-]*)?$"#,
    None,
    || compile(r#"^(?:^http(s?)://[a-zA-Z0-9._/-]*(\?[a-zA-Z0-9._=&-]*)?(#[a-zA-Z0-9._/-]*)?$)$"#),
);

/// Constraints of the model shape `redirectUrlType`.
static STR_REDIRECT_URL_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(255),
    pattern: Some(&PATTERN_8),
    enum_values: &[],
};

/// Model pattern `^[a-zA-Z0-9:_.-]+$`.
static PATTERN_9: Pattern = Pattern::new("^[a-zA-Z0-9:_.-]+$", None, || {
    compile("^(?:^[a-zA-Z0-9:_.-]+$)$")
});

/// Constraints of the model shape `notificationChannelType`.
static STR_NOTIFICATION_CHANNEL_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(400),
    pattern: Some(&PATTERN_9),
    enum_values: &[],
};

/// Constraints of the model shape `sessionDurationType`.
static INT_SESSION_DURATION_TYPE: IntRule = IntRule {
    min: Some(300),
    max: Some(43200),
};

/// Model pattern `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`.
static PATTERN_10: Pattern =
    Pattern::new(r#"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#, None, || {
        compile(r#"^(?:(\x{002F})|(\x{002F}[\x{0021}-\x{007E}]+\x{002F}))$"#)
    });

/// Constraints of the model shape `pathType`.
static STR_PATH_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(512),
    pattern: Some(&PATTERN_10),
    enum_values: &[],
};

/// Item-count constraints of the model shape `tagListType`.
static LIST_TAG_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: Some(50),
};

/// Constraints of the model shape `OpenIDConnectProviderUrlType`.
static STR_OPEN_ID_CONNECT_PROVIDER_URL_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(255),
    pattern: None,
    enum_values: &[],
};

/// Item-count constraints of the model shape `clientIDListType`.
static LIST_CLIENT_ID_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Item-count constraints of the model shape `thumbprintListType`.
static LIST_THUMBPRINT_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `thumbprintType`.
static STR_THUMBPRINT_TYPE: StringRule = StringRule {
    min: Some(40),
    max: Some(40),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `policyNameType`.
static STR_POLICY_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Model pattern `((/[A-Za-z0-9\.,\+@=_-]+)*)/`.
static PATTERN_11: Pattern = Pattern::new(r#"((/[A-Za-z0-9\.,\+@=_-]+)*)/"#, None, || {
    compile(r#"^(?:((/[A-Za-z0-9\.,\+@=_-]+)*)/)$"#)
});

/// Constraints of the model shape `policyPathType`.
static STR_POLICY_PATH_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(512),
    pattern: Some(&PATTERN_11),
    enum_values: &[],
};

/// Constraints of the model shape `policyDocumentType`.
static STR_POLICY_DOCUMENT_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(131072),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `policyDescriptionType`.
static STR_POLICY_DESCRIPTION_TYPE: StringRule = StringRule {
    min: None,
    max: Some(1000),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `roleDescriptionType`.
static STR_ROLE_DESCRIPTION_TYPE: StringRule = StringRule {
    min: None,
    max: Some(1000),
    pattern: Some(&PATTERN_6),
    enum_values: &[],
};

/// Constraints of the model shape `roleMaxSessionDurationType`.
static INT_ROLE_MAX_SESSION_DURATION_TYPE: IntRule = IntRule {
    min: Some(3600),
    max: Some(43200),
};

/// Constraints of the model shape `SAMLMetadataDocumentType`.
static STR_SAML_METADATA_DOCUMENT_TYPE: StringRule = StringRule {
    min: Some(1000),
    max: Some(10000000),
    pattern: None,
    enum_values: &[],
};

/// Model pattern `[\w._-]+`.
static PATTERN_12: Pattern =
    Pattern::new(r#"[\w._-]+"#, None, || compile("^(?:[A-Za-z0-9_._-]+)$"));

/// Constraints of the model shape `SAMLProviderNameType`.
static STR_SAML_PROVIDER_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_12),
    enum_values: &[],
};

/// Constraints of the model shape `assertionEncryptionModeType`.
static STR_ASSERTION_ENCRYPTION_MODE_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["Required", "Allowed"],
};

/// Constraints of the model shape `privateKeyType`.
static STR_PRIVATE_KEY_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(16384),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `customSuffixType`.
static STR_CUSTOM_SUFFIX_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(64),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `serviceName`.
static STR_SERVICE_NAME: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `credentialAgeDays`.
static INT_CREDENTIAL_AGE_DAYS: IntRule = IntRule {
    min: Some(1),
    max: Some(36600),
};

/// Constraints of the model shape `virtualMFADeviceName`.
static STR_VIRTUAL_MFA_DEVICE_NAME: StringRule = StringRule {
    min: Some(1),
    max: None,
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Model pattern `[\w+=/:,.@-]+`.
static PATTERN_13: Pattern = Pattern::new(r#"[\w+=/:,.@-]+"#, None, || {
    compile("^(?:[A-Za-z0-9_+=/:,.@-]+)$")
});

/// Constraints of the model shape `serialNumberType`.
static STR_SERIAL_NUMBER_TYPE: StringRule = StringRule {
    min: Some(9),
    max: Some(256),
    pattern: Some(&PATTERN_13),
    enum_values: &[],
};

/// Model pattern `[\w]+`.
static PATTERN_14: Pattern = Pattern::new(r#"[\w]+"#, None, || compile("^(?:[A-Za-z0-9_]+)$"));

/// Constraints of the model shape `accessKeyIdType`.
static STR_ACCESS_KEY_ID_TYPE: StringRule = StringRule {
    min: Some(16),
    max: Some(128),
    pattern: Some(&PATTERN_14),
    enum_values: &[],
};

/// Model pattern `v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`.
static PATTERN_15: Pattern = Pattern::new(r#"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?"#, None, || {
    compile(r#"^(?:v[1-9][0-9]*(\.[A-Za-z0-9-]*)?)$"#)
});

/// Constraints of the model shape `policyVersionIdType`.
static STR_POLICY_VERSION_ID_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: Some(&PATTERN_15),
    enum_values: &[],
};

/// Constraints of the model shape `publicKeyIdType`.
static STR_PUBLIC_KEY_ID_TYPE: StringRule = StringRule {
    min: Some(20),
    max: Some(128),
    pattern: Some(&PATTERN_14),
    enum_values: &[],
};

/// Constraints of the model shape `serverCertificateNameType`.
static STR_SERVER_CERTIFICATE_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `serviceSpecificCredentialId`.
static STR_SERVICE_SPECIFIC_CREDENTIAL_ID: StringRule = StringRule {
    min: Some(20),
    max: Some(128),
    pattern: Some(&PATTERN_14),
    enum_values: &[],
};

/// Constraints of the model shape `certificateIdType`.
static STR_CERTIFICATE_ID_TYPE: StringRule = StringRule {
    min: Some(24),
    max: Some(128),
    pattern: Some(&PATTERN_14),
    enum_values: &[],
};

/// Model pattern `[\d]+`.
static PATTERN_16: Pattern = Pattern::new(r#"[\d]+"#, None, || compile("^(?:[0-9]+)$"));

/// Constraints of the model shape `authenticationCodeType`.
static STR_AUTHENTICATION_CODE_TYPE: StringRule = StringRule {
    min: Some(6),
    max: Some(6),
    pattern: Some(&PATTERN_16),
    enum_values: &[],
};

/// Model pattern `^o-[0-9a-z]{10,32}\/r-[0-9a-z]{4,32}[0-9a-z-\/]*`.
static PATTERN_17: Pattern = Pattern::new(
    r#"^o-[0-9a-z]{10,32}\/r-[0-9a-z]{4,32}[0-9a-z-\/]*"#,
    None,
    || compile(r#"^(?:^o-[0-9a-z]{10,32}\/r-[0-9a-z]{4,32}[0-9a-z-\/]*)$"#),
);

/// Constraints of the model shape `organizationsEntityPathType`.
static STR_ORGANIZATIONS_ENTITY_PATH_TYPE: StringRule = StringRule {
    min: Some(19),
    max: Some(427),
    pattern: Some(&PATTERN_17),
    enum_values: &[],
};

/// Model pattern `^p-[0-9a-zA-Z_]{8,128}$`.
static PATTERN_18: Pattern = Pattern::new("^p-[0-9a-zA-Z_]{8,128}$", None, || {
    compile("^(?:^p-[0-9a-zA-Z_]{8,128}$)$")
});

/// Constraints of the model shape `organizationsPolicyIdType`.
static STR_ORGANIZATIONS_POLICY_ID_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: Some(&PATTERN_18),
    enum_values: &[],
};

/// Constraints of the model shape `AccessAdvisorUsageGranularityType`.
static STR_ACCESS_ADVISOR_USAGE_GRANULARITY_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["SERVICE_LEVEL", "ACTION_LEVEL"],
};

/// Item-count constraints of the model shape `entityListType`.
static LIST_ENTITY_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `EntityType`.
static STR_ENTITY_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[
        "User",
        "Role",
        "Group",
        "LocalManagedPolicy",
        "AWSManagedPolicy",
    ],
};

/// Constraints of the model shape `maxItemsType`.
static INT_MAX_ITEMS_TYPE: IntRule = IntRule {
    min: Some(1),
    max: Some(1000),
};

/// Model pattern `[\u0020-\u00FF]+`.
static PATTERN_19: Pattern = Pattern::new(r#"[\u0020-\u00FF]+"#, None, || {
    compile(r#"^(?:[\x{0020}-\x{00FF}]+)$"#)
});

/// Constraints of the model shape `markerType`.
static STR_MARKER_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(320),
    pattern: Some(&PATTERN_19),
    enum_values: &[],
};

/// Item-count constraints of the model shape `SimulationPolicyListType`.
static LIST_SIMULATION_POLICY_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `localeType`.
static STR_LOCALE_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(12),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `jobIDType`.
static STR_JOB_ID_TYPE: StringRule = StringRule {
    min: Some(36),
    max: Some(36),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `sortKeyType`.
static STR_SORT_KEY_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[
        "SERVICE_NAMESPACE_ASCENDING",
        "SERVICE_NAMESPACE_DESCENDING",
        "LAST_AUTHENTICATED_TIME_ASCENDING",
        "LAST_AUTHENTICATED_TIME_DESCENDING",
    ],
};

/// Constraints of the model shape `encodingType`.
static STR_ENCODING_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["SSH", "PEM"],
};

/// Model pattern `[\w-]*`.
static PATTERN_20: Pattern = Pattern::new(r#"[\w-]*"#, None, || compile("^(?:[A-Za-z0-9_-]*)$"));

/// Constraints of the model shape `serviceNamespaceType`.
static STR_SERVICE_NAMESPACE_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(64),
    pattern: Some(&PATTERN_20),
    enum_values: &[],
};

/// Constraints of the model shape `DeletionTaskIdType`.
static STR_DELETION_TASK_ID_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(1000),
    pattern: None,
    enum_values: &[],
};

/// Model pattern `^[a-zA-Z0-9:/+=,.@_-]+$`.
static PATTERN_21: Pattern = Pattern::new("^[a-zA-Z0-9:/+=,.@_-]+$", None, || {
    compile("^(?:^[a-zA-Z0-9:/+=,.@_-]+$)$")
});

/// Constraints of the model shape `ownerIdType`.
static STR_OWNER_ID_TYPE: StringRule = StringRule {
    min: Some(20),
    max: Some(2048),
    pattern: Some(&PATTERN_21),
    enum_values: &[],
};

/// Constraints of the model shape `PolicyUsageType`.
static STR_POLICY_USAGE_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["PermissionsPolicy", "PermissionsBoundary"],
};

/// Model pattern `\u002F[\u0021-\u007F]*`.
static PATTERN_22: Pattern = Pattern::new(r#"\u002F[\u0021-\u007F]*"#, None, || {
    compile(r#"^(?:\x{002F}[\x{0021}-\x{007F}]*)$"#)
});

/// Constraints of the model shape `pathPrefixType`.
static STR_PATH_PREFIX_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(512),
    pattern: Some(&PATTERN_22),
    enum_values: &[],
};

/// Constraints of the model shape `policyScopeType`.
static STR_POLICY_SCOPE_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["All", "AWS", "Local"],
};

/// Item-count constraints of the model shape `serviceNamespaceListType`.
static LIST_SERVICE_NAMESPACE_LIST_TYPE: ListRule = ListRule {
    min: Some(1),
    max: Some(200),
};

/// Constraints of the model shape `assignmentStatusType`.
static STR_ASSIGNMENT_STATUS_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["Assigned", "Unassigned", "Any"],
};

/// Constraints of the model shape `notesType`.
static STR_NOTES_TYPE: StringRule = StringRule {
    min: None,
    max: Some(500),
    pattern: Some(&PATTERN_6),
    enum_values: &[],
};

/// Constraints of the model shape `globalEndpointTokenVersion`.
static STR_GLOBAL_ENDPOINT_TOKEN_VERSION: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["v1Token", "v2Token"],
};

/// Item-count constraints of the model shape `ActionNameListType`.
static LIST_ACTION_NAME_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `ActionNameType`.
static STR_ACTION_NAME_TYPE: StringRule = StringRule {
    min: Some(3),
    max: Some(128),
    pattern: None,
    enum_values: &[],
};

/// Item-count constraints of the model shape `ResourceNameListType`.
static LIST_RESOURCE_NAME_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `ResourceNameType`.
static STR_RESOURCE_NAME_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(2048),
    pattern: None,
    enum_values: &[],
};

/// Item-count constraints of the model shape `ContextEntryListType`.
static LIST_CONTEXT_ENTRY_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `ResourceHandlingOptionType`.
static STR_RESOURCE_HANDLING_OPTION_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(64),
    pattern: None,
    enum_values: &[],
};

/// Item-count constraints of the model shape `tagKeyListType`.
static LIST_TAG_KEY_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: Some(50),
};

/// Model pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`.
static PATTERN_23: Pattern = Pattern::new(r#"[\p{L}\p{Z}\p{N}_.:/=+\-@]+"#, None, || {
    compile(r#"^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]+)$"#)
});

/// Constraints of the model shape `tagKeyType`.
static STR_TAG_KEY_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_23),
    enum_values: &[],
};

/// Constraints of the model shape `statusType`.
static STR_STATUS_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["Active", "Inactive", "Expired"],
};

/// Constraints of the model shape `minimumPasswordLengthType`.
static INT_MINIMUM_PASSWORD_LENGTH_TYPE: IntRule = IntRule {
    min: Some(6),
    max: Some(128),
};

/// Constraints of the model shape `maxPasswordAgeType`.
static INT_MAX_PASSWORD_AGE_TYPE: IntRule = IntRule {
    min: Some(1),
    max: Some(1095),
};

/// Constraints of the model shape `passwordReusePreventionType`.
static INT_PASSWORD_REUSE_PREVENTION_TYPE: IntRule = IntRule {
    min: Some(1),
    max: Some(24),
};

/// Model pattern `[A-Z0-9]+`.
static PATTERN_24: Pattern = Pattern::new("[A-Z0-9]+", None, || compile("^(?:[A-Z0-9]+)$"));

/// Constraints of the model shape `privateKeyIdType`.
static STR_PRIVATE_KEY_ID_TYPE: StringRule = StringRule {
    min: Some(22),
    max: Some(64),
    pattern: Some(&PATTERN_24),
    enum_values: &[],
};

/// Constraints of the model shape `publicKeyMaterialType`.
static STR_PUBLIC_KEY_MATERIAL_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(16384),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `certificateBodyType`.
static STR_CERTIFICATE_BODY_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(16384),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `certificateChainType`.
static STR_CERTIFICATE_CHAIN_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(2097152),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `ContextKeyNameType`.
static STR_CONTEXT_KEY_NAME_TYPE: StringRule = StringRule {
    min: Some(5),
    max: Some(256),
    pattern: None,
    enum_values: &[],
};

/// Item-count constraints of the model shape `ContextKeyValueListType`.
static LIST_CONTEXT_KEY_VALUE_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `ContextKeyValueType`.
static STR_CONTEXT_KEY_VALUE_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `ContextKeyTypeEnum`.
static STR_CONTEXT_KEY_TYPE_ENUM: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[
        "string",
        "stringList",
        "numeric",
        "numericList",
        "boolean",
        "booleanList",
        "ip",
        "ipList",
        "binary",
        "binaryList",
        "date",
        "dateList",
    ],
};

/// Item-count constraints of the model shape `policyParameterListType`.
static LIST_POLICY_PARAMETER_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: Some(50),
};

/// Model pattern `[ -~]+`.
static PATTERN_25: Pattern = Pattern::new("[ -~]+", None, || compile("^(?:[ -~]+)$"));

/// Constraints of the model shape `policyParameterNameType`.
static STR_POLICY_PARAMETER_NAME_TYPE: StringRule = StringRule {
    min: Some(5),
    max: Some(256),
    pattern: Some(&PATTERN_25),
    enum_values: &[],
};

/// Item-count constraints of the model shape `policyParameterValuesListType`.
static LIST_POLICY_PARAMETER_VALUES_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Constraints of the model shape `policyParameterValueType`.
static STR_POLICY_PARAMETER_VALUE_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: Some(&PATTERN_25),
    enum_values: &[],
};

/// Constraints of the model shape `PolicyParameterTypeEnum`.
static STR_POLICY_PARAMETER_TYPE_ENUM: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &["string", "stringList"],
};

/// Model pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
static PATTERN_26: Pattern = Pattern::new(r#"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"#, None, || {
    compile(r#"^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"#)
});

/// Constraints of the model shape `tagValueType`.
static STR_TAG_VALUE_TYPE: StringRule = StringRule {
    min: Some(0),
    max: Some(256),
    pattern: Some(&PATTERN_26),
    enum_values: &[],
};

/// Every pattern of the model, so that a test can compile each one.
#[cfg(test)]
pub(crate) static ALL_PATTERNS: [&Pattern; 26] = [
    &PATTERN_1,
    &PATTERN_2,
    &PATTERN_3,
    &PATTERN_4,
    &PATTERN_5,
    &PATTERN_6,
    &PATTERN_7,
    &PATTERN_8,
    &PATTERN_9,
    &PATTERN_10,
    &PATTERN_11,
    &PATTERN_12,
    &PATTERN_13,
    &PATTERN_14,
    &PATTERN_15,
    &PATTERN_16,
    &PATTERN_17,
    &PATTERN_18,
    &PATTERN_19,
    &PATTERN_20,
    &PATTERN_21,
    &PATTERN_22,
    &PATTERN_23,
    &PATTERN_24,
    &PATTERN_25,
    &PATTERN_26,
];
