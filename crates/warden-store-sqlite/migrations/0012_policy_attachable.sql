-- Whether a managed policy can be attached (`IsAttachable`, api.md §5.7): AWS managed
-- service-linked role policies cannot (attaching them is `PolicyNotAttachable`); customer
-- managed policies always can. Loaded by `warden import` from the export's `IsAttachable`.
ALTER TABLE policies ADD COLUMN attachable BIGINT NOT NULL DEFAULT 1;
