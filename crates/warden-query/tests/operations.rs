//! Operation catalogue and modelled errors generated from the models (api.md §1.3, §5, App. B).

use std::collections::BTreeSet;

use warden_query::{Fault, IamError, IamOperation, OutputKind, StsError, StsOperation};

#[test]
fn iam_knows_all_176_operations() {
    assert_eq!(IamOperation::ALL.len(), 176);
    for op in IamOperation::ALL {
        assert_eq!(IamOperation::from_action(op.name()), Some(op), "{op:?}");
        assert_eq!(format!("{op:?}"), op.name());
    }
    let names: BTreeSet<&str> = IamOperation::ALL.iter().map(|op| op.name()).collect();
    assert_eq!(names.len(), 176, "names are distinct");
    let listed: Vec<&str> = IamOperation::ALL.iter().map(|op| op.name()).collect();
    assert!(listed.is_sorted(), "ALL is alphabetical");
    assert_eq!(listed.first(), Some(&"AcceptDelegationRequest"));
    assert_eq!(listed.last(), Some(&"UploadSigningCertificate"));
}

#[test]
fn sts_knows_all_11_operations() {
    let names: Vec<&str> = StsOperation::ALL.iter().map(|op| op.name()).collect();
    assert_eq!(
        names,
        [
            "AssumeRole",
            "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity",
            "AssumeRoot",
            "DecodeAuthorizationMessage",
            "GetAccessKeyInfo",
            "GetCallerIdentity",
            "GetDelegatedAccessToken",
            "GetFederationToken",
            "GetSessionToken",
            "GetWebIdentityToken",
        ]
    );
    for op in StsOperation::ALL {
        assert_eq!(StsOperation::from_action(op.name()), Some(op));
    }
}

macro_rules! unknown_actions {
    ($($name:ident: $action:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(IamOperation::from_action($action), None);
            assert_eq!(StsOperation::from_action($action), None);
        }
    )*};
}

unknown_actions! {
    unknown_empty: "";
    unknown_case_differs: "listusers";
    unknown_trailing_space: "ListUsers ";
    unknown_made_up: "DescribeUsers";
}

#[test]
fn services_do_not_share_action_names() {
    for op in StsOperation::ALL {
        assert_eq!(IamOperation::from_action(op.name()), None, "{op:?}");
    }
}

#[test]
fn output_kinds_follow_the_model() {
    // api.md §1.3 rule 3: 79 IAM operations have no output shape, UpdateRole an empty one,
    // every STS operation has one.
    let none = IamOperation::ALL
        .iter()
        .filter(|op| op.output() == OutputKind::None)
        .count();
    assert_eq!(none, 79);
    let empty: Vec<IamOperation> = IamOperation::ALL
        .into_iter()
        .filter(|op| op.output() == OutputKind::EmptyResult)
        .collect();
    assert_eq!(empty, [IamOperation::UpdateRole]);
    assert_eq!(IamOperation::DeleteUser.output(), OutputKind::None);
    assert_eq!(IamOperation::CreateUser.output(), OutputKind::Result);
    assert!(
        StsOperation::ALL
            .iter()
            .all(|op| op.output() == OutputKind::Result)
    );
}

macro_rules! error_codes {
    ($($name:ident: $err:expr => ($code:expr, $status:expr, $fault:expr);)*) => {$(
        #[test]
        fn $name() {
            let e = $err.service_error();
            assert_eq!((e.code, e.status, e.fault), ($code, $status, $fault));
        }
    )*};
}

error_codes! {
    err_no_such_entity: IamError::NoSuchEntityException => ("NoSuchEntity", 404, Fault::Sender);
    err_entity_already_exists: IamError::EntityAlreadyExistsException => ("EntityAlreadyExists", 409, Fault::Sender);
    err_delete_conflict: IamError::DeleteConflictException => ("DeleteConflict", 409, Fault::Sender);
    err_limit_exceeded: IamError::LimitExceededException => ("LimitExceeded", 409, Fault::Sender);
    err_service_failure: IamError::ServiceFailureException => ("ServiceFailure", 500, Fault::Receiver);
    err_report_not_present: IamError::CredentialReportNotPresentException => ("ReportNotPresent", 410, Fault::Sender);
    err_report_in_progress: IamError::CredentialReportNotReadyException => ("ReportInProgress", 404, Fault::Sender);
    err_not_supported_service: IamError::ServiceNotSupportedException => ("NotSupportedService", 404, Fault::Sender);
    err_policy_evaluation: IamError::PolicyEvaluationException => ("PolicyEvaluation", 500, Fault::Receiver);
    err_no_error_trait_defaults: IamError::OrganizationNotFoundException => ("OrganizationNotFoundException", 400, Fault::Sender);
    err_sts_expired_token: StsError::ExpiredTokenException => ("ExpiredTokenException", 400, Fault::Sender);
    err_sts_idp_rejected: StsError::IDPRejectedClaimException => ("IDPRejectedClaim", 403, Fault::Sender);
    err_sts_packed_policy: StsError::PackedPolicyTooLargeException => ("PackedPolicyTooLarge", 400, Fault::Sender);
    err_sts_malformed_policy: StsError::MalformedPolicyDocumentException => ("MalformedPolicyDocument", 400, Fault::Sender);
}

#[test]
fn error_shape_counts() {
    assert_eq!(IamError::ALL.len(), 35);
    assert_eq!(StsError::ALL.len(), 12);
    for e in IamError::ALL {
        assert!(e.shape_name().ends_with("Exception"), "{e:?}");
    }
}
