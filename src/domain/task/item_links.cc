// Progress of an item linked to a parcel (地块): the parcel's stage today as a share.
#include "domain/land/land_records.h"
#include "domain/task/task_service.h"

namespace parkhq::task {

double ParcelProgress(const ParcelFacts& f, Date today, std::string& stage) {
  land::Parcel p;
  p.approved = f.approved;
  p.supplied = f.supplied;
  p.actual_start = f.actual_start;
  p.halted_since = f.halted_since;
  p.completed = f.completed;
  p.production = f.production;
  const land::ParcelStage s = land::StageAt(p, today);
  stage = land::StageCode(s);
  switch (s) {
    case land::ParcelStage::kPlanned: return 0;
    case land::ParcelStage::kApproved: return 0.2;
    case land::ParcelStage::kSupplied: return 0.4;
    case land::ParcelStage::kUnderConstruction:
    case land::ParcelStage::kHalted: return 0.6;
    case land::ParcelStage::kCompleted: return 0.8;
    case land::ParcelStage::kProducing: return 1;
  }
  return 0;
}

}  // namespace parkhq::task
