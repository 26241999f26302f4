//! Cost of decoding typical requests: form parsing plus typed decoding and validation.

#![allow(clippy::unwrap_used, reason = "benchmark setup")]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use warden_query::iam::{CreateUserOutput, User};
use warden_query::{
    IamOperation, IamRequest, QueryParams, Service, StsOperation, StsRequest, Timestamp,
    success_response,
};

const CREATE_USER: &[u8] = b"Action=CreateUser&Version=2010-05-08&UserName=alice&Path=%2Feng%2F\
&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=cost-center&Tags.member.2.Value=42";

const ASSUME_ROLE: &[u8] = b"Action=AssumeRole&Version=2011-06-15\
&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=session-1\
&DurationSeconds=3600&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess\
&ExternalId=ext-123";

fn bench(c: &mut Criterion) {
    c.bench_function("parse_form_create_user", |b| {
        b.iter(|| QueryParams::parse(black_box(CREATE_USER)).unwrap());
    });
    let params = QueryParams::parse(CREATE_USER).unwrap();
    c.bench_function("typed_create_user", |b| {
        b.iter(|| IamRequest::from_query(IamOperation::CreateUser, black_box(&params)).unwrap());
    });
    c.bench_function("parse_and_typed_assume_role", |b| {
        b.iter(|| {
            let p = QueryParams::parse(black_box(ASSUME_ROLE)).unwrap();
            StsRequest::from_query(StsOperation::AssumeRole, &p).unwrap()
        });
    });
    let out = CreateUserOutput {
        user: Some(User {
            path: "/".into(),
            user_name: "alice".into(),
            user_id: "AIDAQ3EGKRLWEXAMPLE2Z".into(),
            arn: "arn:aws:iam::123456789012:user/alice".into(),
            create_date: Timestamp::from_unix_seconds(1_714_564_800),
            ..User::default()
        }),
    };
    c.bench_function("encode_create_user", |b| {
        b.iter(|| success_response(Service::Iam, "CreateUser", black_box(&out), "req-id"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
