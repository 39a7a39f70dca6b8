// The ECharts parts the app uses (tree-shaken). A module needing another chart type adds it here.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart, TreeChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, DatasetComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, TreeChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, DatasetComponent, CanvasRenderer])

export { echarts }
