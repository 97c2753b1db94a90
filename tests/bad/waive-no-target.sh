# A `waive` that names no directive: the reason follows the keyword.
printf 'plan x {\n  kind "K"\n  level district\n}\nsection I. "Nhiệm vụ" {\n  waive reason "Không có khu công nghiệp."\n}\n' > case.plan
