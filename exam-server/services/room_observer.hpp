#pragma once
// What the live invigilation feed is told, once each change has committed.

#include "domain/sitting.hpp"
#include "services/attempt_service.hpp"

namespace exam::services {

class RoomObserver {
public:
    virtual ~RoomObserver() = default;
    virtual void attempt_changed(const AttemptSnapshot& snapshot) = 0;
    virtual void booking_admitted(const domain::Booking& booking) = 0;
    virtual void incident_recorded(const domain::Incident& incident) = 0;
    virtual void session_changed(const domain::TestSession& session) = 0;
};

}  // namespace exam::services
