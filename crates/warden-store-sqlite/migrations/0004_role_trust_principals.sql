-- Save-time resolution of trust-policy principals (policy.md §1.7.3): for every user or
-- role ARN of an account hosted here that a role's trust policy names, the unique id of
-- the entity it named when the policy was saved, as a JSON array of [arn, id] pairs.
-- NULL for roles saved before this migration: they keep binding by name.
ALTER TABLE roles ADD COLUMN trust_principals TEXT;
