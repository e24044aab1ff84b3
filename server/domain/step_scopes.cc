#include "server/domain/step_scopes.h"

#include "server/domain/complaint_access.h"

namespace aduan::domain {

StepScopes::Scope StepScopes::RoleInOffice(const Principal& who,
                                           Role role) const {
  return [&who, role](absl::Time, const model::ComplaintRecord& c) {
    return who.HasRole(role, c.office_code) ? absl::OkStatus()
                                            : ComplaintNotFound();
  };
}

StepScopes::Scope StepScopes::AssignedUnit(const Principal& who) const {
  return [&who](absl::Time, const model::ComplaintRecord& c) {
    for (const auto& b : who.bindings) {
      if (b.role == kUnit && b.office_code == c.office_code &&
          !c.unit_code.empty() && b.unit_code == c.unit_code) {
        return absl::OkStatus();
      }
    }
    return ComplaintNotFound();
  };
}

StepScopes::Scope StepScopes::ComplainantSide(const Principal& who,
                                              const StepInput& in) const {
  return [this, &who, &in](absl::Time deadline,
                           const model::ComplaintRecord& c) {
    if (who.authenticated) {
      const bool side =
          who.HasRole(kOfficer, c.office_code) ||
          (!c.source.empty() && who.GatewaySource(c.office_code) == c.source);
      return side ? absl::OkStatus() : ComplaintNotFound();
    }
    // The complainant: the right PIN, within the wrong-PIN budget (the one
    // TrackComplaint spends too), checked under the call's deadline. A spent
    // budget is NOT_FOUND here; a storage error is that error.
    absl::Status pin = pin_guard_.Check(deadline, c, in.pin);
    return absl::IsResourceExhausted(pin) ? ComplaintNotFound() : pin;
  };
}

StepScopes::Scope StepScopes::Attach(const Principal& who,
                                     const StepInput& in) const {
  Scope complainant_side = ComplainantSide(who, in);
  Scope unit = AssignedUnit(who);
  return [complainant_side, unit](absl::Time deadline,
                                  const model::ComplaintRecord& c) {
    if (unit(deadline, c).ok()) return absl::OkStatus();
    return complainant_side(deadline, c);
  };
}

}  // namespace aduan::domain
