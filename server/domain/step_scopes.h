// Who may take a step on a complaint (docs/design.md §4.4): the scopes the
// workflow's steps give StepRunner. Each answers OK when the caller is in
// scope for the loaded complaint and kNotFound ("complaint not found", the
// answer for a complaint that does not exist) when not; the complainant's
// PIN check, under the call's deadline, answers a storage error as it came.
#ifndef ADUAN_SERVER_DOMAIN_STEP_SCOPES_H_
#define ADUAN_SERVER_DOMAIN_STEP_SCOPES_H_

#include <string>

#include "server/domain/pin_guard.h"
#include "server/domain/principal.h"
#include "server/domain/step_runner.h"
#include "server/domain/step_types.h"

namespace aduan::domain {

// Thread-safe. The scopes refer to `who` and `in`, which must outlive them
// (they are used within the step's call); `pin_guard` must outlive this.
class StepScopes {
 public:
  using Scope = StepRunner::Scope;

  explicit StepScopes(const PinGuard& pin_guard) : pin_guard_(pin_guard) {}

  // `role` in the complaint's office.
  Scope RoleInOffice(const Principal& who, Role role) const;
  // The unit the complaint is disposed to.
  Scope AssignedUnit(const Principal& who) const;
  // The complainant's side: the officer, the gateway that submitted it, or
  // the complainant with the right PIN within the wrong-PIN budget (a spent
  // budget is kNotFound here).
  Scope ComplainantSide(const Principal& who, const StepInput& in) const;
  // Who may attach a document: the assigned unit or the complainant's side
  // (which document, when, is AttachPolicy's).
  Scope Attach(const Principal& who, const StepInput& in) const;

 private:
  const PinGuard& pin_guard_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_STEP_SCOPES_H_
