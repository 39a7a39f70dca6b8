// Scale (issue 18): what the composition root adds for it (see app.h, "-- scale --").
#include "app/app.h"

namespace parkhq::app {

App::RefreshGuard::~RefreshGuard() {
  if (monitoring) monitoring->DrainRefreshes();
}

}  // namespace parkhq::app
