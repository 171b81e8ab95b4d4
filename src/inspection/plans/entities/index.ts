import { InspectionPlanItem } from './inspection-plan-item.entity';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectorConflict } from './inspector-conflict.entity';

export { InspectionPlan, InspectionPlanItem, InspectorConflict };
export const INSPECTION_PLAN_ENTITIES = [InspectionPlan, InspectionPlanItem, InspectorConflict];
