# A link's `fingerprint` with no string after it.
printf 'plan x {\n  kind "K"\n  level district\n}\nsection I. "Nhiệm vụ" {\n  - "Quán triệt Nghị quyết." implements "1-KH/TU:I.1" fingerprint by huyen_uy\n}\n' > case.plan
