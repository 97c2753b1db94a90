# A keyword used as a body id: `body note "..."`. Keywords are reserved;
# the error is at the keyword (4:6).
printf 'plan x {\n  kind "K"\n}\nbody note "Ban Ghi chép" district\n' > case.plan
