// The ECharts parts the app uses (tree-shaken). A module needing another chart type adds it here.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart, MapChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, DatasetComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

// MapChart: the land module's parcel map (custom GeoJSON via registerMap, no tiles).
echarts.use([BarChart, LineChart, PieChart, MapChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, DatasetComponent, CanvasRenderer])

export { echarts }

// evaluation: the class migration heat map.
import { HeatmapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
echarts.use([HeatmapChart, VisualMapComponent])
